package dev.sredsl.pipeline;

import dev.sredsl.model.Service;
import java.util.List;

/**
 * Services that passed {@link SrePipeline#validate}: only the validation stage makes one, so code that
 * takes it (the coverage gate) never sees definitions that were not validated.
 */
public final class ValidDefinitions {

  private final List<Service> services;

  ValidDefinitions(List<Service> services) {
    this.services = List.copyOf(services);
  }

  /** The declared services, in the order declared. */
  public List<Service> services() {
    return services;
  }
}
