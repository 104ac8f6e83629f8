package dev.sredsl.verify;

import java.time.Duration;
import java.util.Map;

/**
 * One time an alert fired: from the first evaluation at which it was firing to the first at which it
 * no longer was.
 *
 * @param labels the labels of the alert's series (its expression's result, without the metric name)
 * @param startMillis the first evaluation at which it fired
 * @param endMillis the first evaluation at which it no longer fired, or the end of the window when
 *     it was still firing then ({@code ongoing})
 * @param peak the highest value of the expression while it fired ({@code NaN} if it had none)
 */
public record Episode(Map<String, String> labels, long startMillis, long endMillis, double peak, boolean ongoing) {

  public Episode {
    labels = Map.copyOf(labels);
  }

  public Duration duration() {
    return Duration.ofMillis(endMillis - startMillis);
  }
}
