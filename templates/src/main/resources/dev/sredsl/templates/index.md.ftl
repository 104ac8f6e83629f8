<#-- Default index of the runbooks. Every ${...} is escaped as Markdown text. -->
# Runbooks

| Service | Team | Tier | Alerts |
|---|---|---|---|
<#list services as s>
| [${s.service.name}](${s.service.file}) | ${s.service.team} | ${s.service.tier} | ${s.alerts?size} |
</#list>

<#list services as s>
## ${s.service.name}

<#list s.alerts as alert>
- [${alert.name}](${s.service.file}#${alert.anchor}) (${alert.severity})<#if alert.summary?has_content>: ${alert.summary}</#if>
</#list>

</#list>
