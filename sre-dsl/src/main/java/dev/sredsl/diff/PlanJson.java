package dev.sredsl.diff;

import dev.sredsl.generate.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as JSON for tools, in the versioned format {@value #SCHEMA} described by
 * {@code sre-diff.schema.json} beside this class: every change, field by field, and every risk with its
 * acknowledgement. Nothing in it depends on the machine: no paths, no times.
 */
public final class PlanJson {

  /** The value of the {@code schema} field; the version goes up when a field changes meaning. */
  public static final String SCHEMA = "sre-dsl/diff/v1";

  private PlanJson() {}

  public static String render(Plan plan) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("changed", !plan.isEmpty());
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("servicesCompared", plan.servicesCompared());
    summary.put("servicesChanged", plan.services().size());
    summary.put("changes", plan.changeCount());
    summary.put("risks", plan.risks().size());
    summary.put("unacknowledgedRisks", plan.unacknowledgedRisks().size());
    root.put("summary", summary);
    List<Object> risks = new ArrayList<>();
    for (RiskFinding risk : plan.risks()) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("risk", risk.risk().name());
      node.put("service", risk.service());
      node.put("element", risk.element());
      node.put("text", risk.text());
      node.put("acknowledgement", risk.acknowledgement());
      risks.add(node);
    }
    root.put("risks", risks);
    List<Object> services = new ArrayList<>();
    for (Plan.ServiceChanges service : plan.services()) {
      Map<String, Object> node = new LinkedHashMap<>();
      node.put("service", service.service());
      node.put("status", service.status().name().toLowerCase(Locale.ROOT));
      List<Object> changes = new ArrayList<>();
      for (Change change : service.changes()) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("area", change.area().name().toLowerCase(Locale.ROOT));
        c.put("kind", change.kind().name().toLowerCase(Locale.ROOT));
        c.put("element", change.element());
        c.put("note", change.note());
        List<Object> details = new ArrayList<>();
        for (Change.Detail detail : change.details()) {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("field", detail.field());
          d.put("before", detail.before());
          d.put("after", detail.after());
          d.put("promql", detail.code());
          details.add(d);
        }
        c.put("details", details);
        changes.add(c);
      }
      node.put("changes", changes);
      services.add(node);
    }
    root.put("services", services);
    root.put("unusedAcknowledgements", plan.unusedAcknowledgements());
    return Json.write(root);
  }
}
