package dev.sredsl.specs;

import dev.sredsl.model.Slo;
import java.util.ArrayList;
import java.util.List;

/**
 * The SLOs of a read OpenSLO spec as sre-dsl's model: each objective an event SLO named by its
 * {@code metadata.name}, with its objective, rolling window and description, its events counted by
 * query templates made from the indicator's queries (see {@code OpenSloQueries} for how a window
 * applies to each kind of indicator), and its burn-rate conditions as the page and ticket tiers (see
 * {@code OpenSloBurnRates}). The queries are used as written: the service's selector is not added.
 * What the model checks itself (names, windows of whole days from 7 to 365) is left to validation,
 * which points at the SLO's place.
 */
public final class OpenSloSlos {

  private OpenSloSlos() {}

  /**
   * The model SLOs of the spec, in its order.
   *
   * @param file the spec file, as messages name it
   * @param spec the SLOs as read
   * @return the SLOs, and warnings about what is kept only approximately
   * @throws SpecException at the field, for a burn-rate condition or severity sre-dsl cannot map
   */
  public static ImportedSlos toModel(String file, OpenSloSpec spec) {
    List<ImportedSlo> slos = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (OpenSloSpec.OpenSloObjective objective : spec.slos()) {
      Slo slo = Slo.events(objective.name()).percent(objective.targetPercent().doubleValue()).over(objective.window());
      if (objective.description() != null) {
        slo = slo.describedAs(objective.description());
      }
      slo = OpenSloQueries.measured(slo, objective, warnings);
      slo = OpenSloBurnRates.alerting(slo, objective, warnings);
      slos.add(new ImportedSlo(objective.service(), spec.serviceDescriptions().get(objective.service()), slo,
          objective.at()));
    }
    return new ImportedSlos(file, slos, warnings);
  }
}
