package dev.sredsl.generate;

import dev.sredsl.model.Severity;
import java.util.Objects;

/**
 * How the generated Alertmanager configuration names its receivers. The per-team names are patterns
 * in which {@value #TEAM_PLACEHOLDER} stands for the team, e.g. {@code {team}-page} gives
 * {@code payments-page}; a pattern without the placeholder sends every team to one shared receiver.
 *
 * @param defaultReceiver the receiver of the root route: alerts of services without a team, and
 *     alerts whose severity no team route knows; default {@code default}
 * @param pageReceiver receiver of a team's {@code severity="critical"} alerts; default {@code {team}-page}
 * @param ticketReceiver receiver of a team's {@code severity="warning"} alerts; default {@code {team}-ticket}
 * @param chatReceiver receiver of a team's {@code severity="info"} alerts; default {@code {team}-chat}
 */
public record AlertmanagerSettings(
    String defaultReceiver,
    String pageReceiver,
    String ticketReceiver,
    String chatReceiver) {

  /** The placeholder for the team name in the receiver patterns. */
  public static final String TEAM_PLACEHOLDER = "{team}";

  public static final String DEFAULT_RECEIVER = "default";
  public static final String DEFAULT_PAGE_RECEIVER = "{team}-page";
  public static final String DEFAULT_TICKET_RECEIVER = "{team}-ticket";
  public static final String DEFAULT_CHAT_RECEIVER = "{team}-chat";

  public static final AlertmanagerSettings DEFAULTS = new AlertmanagerSettings(null, null, null, null);

  /** Null or blank values take the defaults; the others are trimmed. */
  public AlertmanagerSettings {
    defaultReceiver = orDefault(defaultReceiver, DEFAULT_RECEIVER);
    pageReceiver = orDefault(pageReceiver, DEFAULT_PAGE_RECEIVER);
    ticketReceiver = orDefault(ticketReceiver, DEFAULT_TICKET_RECEIVER);
    chatReceiver = orDefault(chatReceiver, DEFAULT_CHAT_RECEIVER);
  }

  /** The receiver of the team's alerts of that severity, e.g. {@code payments-page} for PAGE. */
  public String receiver(Severity severity, String team) {
    Objects.requireNonNull(team, "team");
    String pattern = switch (Objects.requireNonNull(severity, "severity")) {
      case PAGE -> pageReceiver;
      case TICKET -> ticketReceiver;
      case INFO -> chatReceiver;
    };
    return pattern.replace(TEAM_PLACEHOLDER, team);
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
