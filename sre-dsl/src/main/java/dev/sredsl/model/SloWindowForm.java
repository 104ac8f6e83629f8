package dev.sredsl.model;

/**
 * How the error ratio of an SLO's windows longer than five minutes is computed.
 *
 * <p>Each evaluation of a rule over a raw window re-reads every sample of every series in it: over
 * three days of a service with thousands of series that is tens of millions of samples a minute.
 * The recorded form reads the SLO's two 5-minute rates instead (one series each, however many series
 * the service has), so its cost no longer grows with the service's series.
 */
public enum SloWindowForm {

  /**
   * The default: every window is averaged from the SLO's recorded 5-minute rates of bad and of all
   * events, with a correction at both ends that makes a step in the error ratio count from the minute
   * it happens. Right after the rules are first deployed the long windows hold only the time since;
   * the generated {@code <service>.backfill.rules.yml} fills them from history.
   */
  RECORDED,

  /**
   * Every window is a {@code rate} over the raw series: exact from the first evaluation, and as
   * expensive as the service's series are many.
   */
  RAW
}
