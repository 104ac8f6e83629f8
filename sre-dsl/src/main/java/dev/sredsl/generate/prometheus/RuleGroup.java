package dev.sredsl.generate.prometheus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A named group of rules, evaluated in order. */
record RuleGroup(String name, List<Rule> rules) {

  RuleGroup {
    rules = List.copyOf(rules);
  }

  Map<String, Object> toYaml() {
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("name", name);
    yaml.put("rules", rules.stream().map(Rule::toYaml).toList());
    return yaml;
  }
}
