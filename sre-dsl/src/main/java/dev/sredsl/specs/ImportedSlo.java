package dev.sredsl.specs;

import dev.sredsl.model.Slo;

/**
 * One SLO a YAML spec declares, as the model has it, with the service it belongs to and the place it
 * is written, so that what the build finds wrong with it can point there.
 *
 * @param service the service's name, as the spec gives it
 * @param serviceDescription what the spec says the service does, or {@code null}
 * @param slo the SLO
 * @param at where the SLO is written
 */
public record ImportedSlo(String service, String serviceDescription, Slo slo, YamlNode at) {}
