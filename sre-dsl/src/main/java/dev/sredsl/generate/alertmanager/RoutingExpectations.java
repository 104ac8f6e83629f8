package dev.sredsl.generate.alertmanager;

import dev.sredsl.conventions.AlertNames;
import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.generate.AlertmanagerSettings;
import dev.sredsl.model.Service;
import dev.sredsl.model.Severity;
import dev.sredsl.model.Slo;
import dev.sredsl.output.GeneratedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes {@code alertmanager/routes.tests.txt}: for each service, the receiver each of its alerts must
 * reach under {@code routes.yml}, as lines a shell hands to {@code amtool config routes test}. A platform
 * team that merges the routes into its own configuration runs them against the merged file and learns
 * whether its own routes took the services' alerts away.
 *
 * <p>Each line that is not a comment is one case, written as shell words (xargs and {@code sh} read them
 * alike): {@code --verify.receivers=<receiver>}, then the alert's labels in amtool's {@code label=value}
 * syntax, sorted by name. Per service there is a case for each severity ({@code service}, {@code severity}
 * and {@code team} when it has one, else the default receiver), and per SLO one for each burn-rate alert
 * it has ({@code alertname} and {@code slo} too).
 */
public final class RoutingExpectations {

  /** Where the expectations are written, relative to the output folder; next to the routes. */
  public static final String FILE = "alertmanager/routes.tests.txt";

  /**
   * The command line that runs every case, as the header and the README show it. {@code -r}: without it
   * GNU xargs runs amtool once with no labels when every case was left out; BSD xargs accepts it too.
   */
  public static final String RUN_ALL =
      "grep -v '^#' routes.tests.txt | xargs -r -t -L1 amtool config routes test --config.file=routes.yml";

  /** What a shell and xargs read as a word without quotes. */
  private static final Pattern BARE_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
  /** A label value amtool reads without quotes: no leading {@code ~} or {@code =} to change the operator. */
  private static final Pattern BARE_VALUE = Pattern.compile("[A-Za-z0-9_.:/@+-]+");

  /**
   * The cases of all services, sorted by service, each service's severities before its burn-rate alerts.
   *
   * @param services the services whose alerts the cases send; their order does not matter
   * @param settings the receiver names, as for {@link AlertmanagerGenerator}
   * @return the file of cases
   */
  public GeneratedFile generate(List<Service> services, AlertmanagerSettings settings) {
    AlertmanagerSettings s = settings == null ? AlertmanagerSettings.DEFAULTS : settings;
    StringBuilder out = new StringBuilder(header());
    List<Service> sorted = services.stream()
        .sorted(Comparator.comparing(Service::name, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    for (Service service : sorted) {
      String team = AlertmanagerGenerator.team(service);
      for (Severity severity : List.of(Severity.PAGE, Severity.TICKET, Severity.INFO)) {
        out.append(line(service, team, severity, null, null, s));
      }
      for (Slo slo : service.slos()) {
        if (slo.pageAlerts()) {
          out.append(line(service, team, Severity.PAGE, slo, AlertNames.fastBurnAlert(service, slo), s));
        }
        if (slo.ticketAlerts()) {
          out.append(line(service, team, Severity.TICKET, slo, AlertNames.slowBurnAlert(service, slo), s));
        }
      }
    }
    return GeneratedFile.text(FILE, out.toString());
  }

  /** One case, ending with a line break; a comment when a word cannot be written on one line. */
  private static String line(Service service, String team, Severity severity, Slo slo, String alertName,
      AlertmanagerSettings settings) {
    String receiver = team == null ? settings.defaultReceiver() : settings.receiver(severity, team);
    Map<String, String> labels = new TreeMap<>();
    labels.put(GeneratedLabels.SERVICE, service.name());
    labels.put(GeneratedLabels.SEVERITY, severity.label());
    if (team != null) {
      labels.put(GeneratedLabels.TEAM, team);
    }
    if (slo != null) {
      labels.put(GeneratedLabels.SLO, slo.name());
      labels.put(GeneratedLabels.ALERTNAME, alertName);
    }
    List<String> words = new ArrayList<>();
    words.add("--verify.receivers=" + receiver);
    labels.forEach((name, value) -> words.add(BARE_VALUE.matcher(value).matches() ? name + "=" + value
        : AlertmanagerGenerator.matcher(name, "=", value)));
    if (words.stream().anyMatch(w -> w.indexOf('\n') >= 0 || w.indexOf('\0') >= 0)) {
      // A receiver named after a team with a line break; a NUL cannot be passed to a program at all.
      return "# Left out: the " + severity.label() + (slo != null ? " alert of slo " + slo.name() : "")
          + " case of service " + service.name() + ", whose receiver or labels cannot be written on one line.\n";
    }
    return String.join(" ", words.stream().map(RoutingExpectations::shellWord).toList()) + "\n";
  }

  /** The word as is when the shell and xargs keep it whole, else in single quotes ({@code '} as {@code '\''}). */
  static String shellWord(String word) {
    return BARE_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  private static String header() {
    return """
        # Generated by sre-dsl from the services' definitions; edit those, not this file.
        #
        # Where each service's alerts must go under routes.yml: one case per line, the arguments of
        # `amtool config routes test` in shell quoting: --verify.receivers=<receiver>, then the alert's
        # labels. After merging routes.yml into your own configuration, run every case against the merged
        # file (here called routes.yml); xargs reads the quoting, shows each command and exits with 123
        # when any alert reaches another receiver:
        #
        #   %s
        #
        # amtool follows the labels only and ignores time intervals: a warning case passes at any hour,
        # although Alertmanager delivers a team's warnings only within the team's working hours.

        """.formatted(RUN_ALL);
  }
}
