package dev.sredsl.specs;

import dev.sredsl.conventions.GeneratedLabels;
import dev.sredsl.model.EventCount;
import dev.sredsl.model.Slo;
import dev.sredsl.model.SloAlerting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sloth {@code prometheus/v1} SLOs as the model's event SLOs, so that an imported SLO alerts like the
 * rules Sloth generates for it:
 *
 * <ul>
 *   <li>{@code events} becomes bad events over all events, each query used as written; {@code raw}
 *       becomes the error ratio query. Sloth's {@code {{.window}}} is already {@code ${window}}.
 *   <li>The period is 30 days and the burn-rate conditions are the SRE Workbook's, as Sloth's
 *       defaults are. The build adds its low-traffic guard (5 bad events in the long window), which
 *       Sloth does not have: a raw SLI has no events to count and goes without it.
 *   <li>{@code alerting.name} names the page alert; the ticket alert is that name with {@code Ticket}
 *       added, as every alert of a service has its own runbook section, tests and plan entry (Sloth
 *       gives both one name and tells them apart by a label).
 *   <li>The spec's labels, the SLO's and the alerting labels go on both alerts, the page and ticket
 *       alert's own on each; Sloth also puts the first two on its recordings, which the build labels by
 *       service and SLO instead. A label the build sets itself ({@code severity}, {@code team},
 *       {@code service}, {@code slo}) is not kept: routes match on the build's value. Each one dropped
 *       is a warning.
 *   <li>{@code disable: true} switches that alert's tier off.
 * </ul>
 */
public final class SlothSlos {

  /** What the ticket alert's name adds to the page alert's, which is {@code alerting.name}. */
  public static final String TICKET_SUFFIX = "Ticket";

  private SlothSlos() {}

  /** The SLOs of one file's specs. */
  public static ImportedSlos toModel(String file, List<SlothSpec> specs) {
    List<ImportedSlo> slos = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (SlothSpec spec : specs) {
      for (SlothSpec.SpecSlo specSlo : spec.slos()) {
        slos.add(new ImportedSlo(spec.service(), null, slo(spec, specSlo, warnings), specSlo.at()));
      }
    }
    return new ImportedSlos(file, slos, warnings);
  }

  private static Slo slo(SlothSpec spec, SlothSpec.SpecSlo specSlo, List<String> warnings) {
    Slo slo = Slo.events(specSlo.name()).percent(specSlo.objective().doubleValue());
    if (specSlo.sli() instanceof SlothSpec.Sli.Events events) {
      slo = slo.bad(EventCount.query(events.errorQuery())).total(EventCount.query(events.totalQuery()));
    } else {
      slo = slo.errorRatio(EventCount.query(((SlothSpec.Sli.RawRatio) specSlo.sli()).errorRatioQuery()));
    }
    if (specSlo.description() != null && !specSlo.description().isBlank()) {
      slo = slo.describedAs(specSlo.description().strip());
    }
    SlothSpec.Alerting alerting = specSlo.alerting();
    if (alerting.page().disabled()) {
      slo = slo.withoutPaging();
    }
    if (alerting.ticket().disabled()) {
      slo = slo.withoutTickets();
    }
    SloAlerting settings = alerting.name() == null ? SloAlerting.conventional()
        : SloAlerting.named(alerting.name(), alerting.name() + TICKET_SUFFIX);
    YamlNode at = specSlo.at();
    Map<String, String> shared = new LinkedHashMap<>(spec.labels());
    shared.putAll(specSlo.labels());
    shared.putAll(alerting.labels());
    for (Map.Entry<String, String> label : kept(shared, "", at, warnings).entrySet()) {
      settings = settings.label(label.getKey(), label.getValue());
    }
    for (Map.Entry<String, String> label : kept(alerting.page().labels(), "page ", at, warnings).entrySet()) {
      settings = settings.pageLabel(label.getKey(), label.getValue());
    }
    for (Map.Entry<String, String> label : kept(alerting.ticket().labels(), "ticket ", at, warnings).entrySet()) {
      settings = settings.ticketLabel(label.getKey(), label.getValue());
    }
    for (Map.Entry<String, String> annotation : alerting.annotations().entrySet()) {
      settings = settings.annotation(annotation.getKey(), annotation.getValue());
    }
    for (Map.Entry<String, String> annotation : alerting.page().annotations().entrySet()) {
      settings = settings.pageAnnotation(annotation.getKey(), annotation.getValue());
    }
    for (Map.Entry<String, String> annotation : alerting.ticket().annotations().entrySet()) {
      settings = settings.ticketAnnotation(annotation.getKey(), annotation.getValue());
    }
    return settings.equals(SloAlerting.CONVENTIONAL) ? slo : slo.alerting(settings);
  }

  /** The labels the build can keep; a warning for each it sets itself. */
  private static Map<String, String> kept(Map<String, String> labels, String alert, YamlNode at,
      List<String> warnings) {
    Map<String, String> kept = new LinkedHashMap<>();
    labels.forEach((name, value) -> {
      if (GeneratedLabels.ALL.contains(name)) {
        warnings.add(at.file() + ":" + at.line() + ":" + at.column() + ": the " + alert + "alert label '" + name
            + "' (" + value + ") is not kept: sre-dsl sets " + name + " itself and its Alertmanager routes match on"
            + " it; route on the build's value, or rename the label in the spec");
      } else {
        kept.put(name, value);
      }
    });
    return kept;
  }
}
