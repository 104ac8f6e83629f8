<#-- Default runbook of one service. Every ${...} is escaped as Markdown text; see the README for the data model. -->
# Runbook: ${service.name}

<#if service.description?has_content>
${service.description}

</#if>
| | |
|---|---|
| Team | ${service.team?has_content?then(service.team, "not declared")} |
| Tier | ${service.tier} |
| On call | ${service.onCall?has_content?then(service.onCall, "not declared")} |
| Escalation | ${service.escalation?has_content?then(service.escalation, "not declared")} |
| Chat | ${service.chat?has_content?then(service.chat, "not declared")} |
| Tickets | ${service.workingHours?has_content?then("within working hours, " + service.workingHours, "at any time")} |

<#if service.dashboardUrl?has_content>
- [Dashboard](${service.dashboardUrl})
</#if>
- [Alerts](${service.alertsUrl})

<#if slos?has_content>
## Service level objectives

| SLO | Objective | Period | Error budget | Burns the budget |
|---|---|---|---|---|
<#list slos as slo>
| ${slo.name} | ${slo.objective} | ${slo.period} | ${slo.budget} | ${slo.burnsBudget} |
</#list>

</#if>
<#if dependencies?has_content>
## Dependencies

<#list dependencies as d>
- **${d.name}** (${d.kind})<#if d.description?has_content>: ${d.description}</#if><#if d.health?has_content> Health: ${d.health}</#if>
</#list>

</#if>
## Alerts

<#list alerts as alert>
- [${alert.name}](#${alert.anchor}) (${alert.severity})
</#list>

<#list alerts as alert>
## ${alert.name}

**Severity:** ${alert.severity}<#if alert.pages> (pages the on-call engineer)</#if><#if alert.for?has_content>. Fires after the condition holds for ${alert.for}</#if><#if alert.keepFiringFor?has_content>. Keeps firing for ${alert.keepFiringFor} after the condition clears, so a flapping signal raises one alert</#if>.

<#if alert.summary?has_content>
${alert.summary}

</#if>
<#if alert.description?has_content>
${alert.description}

</#if>
${alert.fence?no_esc}promql
${alert.expression?no_esc}
${alert.fence?no_esc}

<#if !alert.hasRunbook>
*No runbook is declared for this alert yet.*

<#else>
### Symptoms

<#list alert.symptoms as symptom>
- ${symptom}
</#list>

### Diagnosis

<#list alert.diagnosis as step>
${step?counter}. ${step}
</#list>

### Mitigation

<#list alert.mitigations as step>
<#if step.risky>
- **Risky:** ${step.action} *Risk:* ${step.risk}
<#else>
- ${step.action}
</#if>
</#list>

### Escalation

<#list alert.escalation as criterion>
- ${criterion}
</#list>

<#if alert.links?has_content>
### Links

<#list alert.links as link>
- [${link.title}](${link.url})
</#list>

</#if>
</#if>
</#list>
