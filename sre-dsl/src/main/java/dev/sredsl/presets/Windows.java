package dev.sredsl.presets;

import java.time.Duration;

/** Windows the presets use for rates. */
final class Windows {

  /** Wide enough to hold several scrapes at the common 15s to 60s intervals. */
  static final Duration RATE = Duration.ofMinutes(5);

  private Windows() {}
}
