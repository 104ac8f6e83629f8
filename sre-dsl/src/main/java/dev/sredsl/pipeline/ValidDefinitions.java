package dev.sredsl.pipeline;

import dev.sredsl.generate.GenerationSettings;
import dev.sredsl.model.Service;
import java.util.List;

/**
 * Services that passed {@link SrePipeline#validate}, with the settings they were validated under. Only
 * the validation stage makes one, so the generators can be handed nothing else.
 */
public final class ValidDefinitions {

  private final List<Service> services;
  private final GenerationSettings settings;

  ValidDefinitions(List<Service> services, GenerationSettings settings) {
    this.services = List.copyOf(services);
    this.settings = settings;
  }

  /** The declared services, in the order declared. */
  public List<Service> services() {
    return services;
  }

  /** The settings the services were validated under, and are generated with. */
  public GenerationSettings settings() {
    return settings;
  }
}
