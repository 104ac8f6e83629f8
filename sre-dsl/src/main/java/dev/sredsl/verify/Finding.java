package dev.sredsl.verify;

/**
 * Something verification found about one element of one service.
 *
 * @param service the service
 * @param element e.g. {@code alert 'CheckoutHighErrorRate'} or {@code dashboard panel 'Traffic'}
 * @param kind what was found
 * @param subject what it is about: the selector or range, as written in PromQL
 * @param message one line saying what it means and what to do
 */
public record Finding(String service, String element, Kind kind, String subject, String message) {

  /** What a finding is about, and how much it matters. */
  public enum Kind {
    /** The selector matches no series now, and none of its metric in the lookback. */
    METRIC_NEVER_SEEN(Level.ERROR),
    /** The selector matched series in the lookback, but none now. */
    METRIC_DISAPPEARED(Level.ERROR),
    /** The metric exists, but a label matcher matches none of its series. */
    LABEL_UNMATCHED(Level.ERROR),
    /** An error (bad events) selector matches nothing: normal for a healthy service. */
    NO_ERRORS_YET(Level.INFO),
    /** A range over raw series shorter than four scrape intervals: rate() is noisy or empty. */
    WINDOW_TOO_SHORT(Level.WARNING),
    /** The alert's expression gave no series in the whole window: it could not have fired. */
    ALERT_NOT_EVALUABLE(Level.ERROR),
    /** A recorded series could not be inlined; its recording on the server was read instead. */
    NOT_INLINED(Level.INFO);

    private final Level level;

    Kind(Level level) {
      this.level = level;
    }

    public Level severity() {
      return level;
    }
  }

  /** How much a finding matters: errors and warnings become annotations on CI. */
  public enum Level { ERROR, WARNING, INFO }

  /** {@code service 'checkout', alert 'X': message}. */
  @Override
  public String toString() {
    return "service '" + service + "', " + element + ": " + message;
  }
}
