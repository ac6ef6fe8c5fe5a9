<#-- codeowners (GitLab): a section per department, so each department's approval is its own rule (docs/configs.md). -->
<#import "/config/_codeowners.ftl" as co>
# Written by `sop render config --target codeowners --format gitlab` from the reviewers in
# org.yaml: one section per department, listing its own SOP files and those of other departments
# that hand over to it or receive from it. Change org.yaml and render again; `--check` in CI
# catches drift.
<#if codeowners.unreviewed?has_content>
# No reviewers in org.yaml for: ${co.text(codeowners.unreviewed?join(", "))}
</#if>
<#list codeowners.sections as s>

[${co.text(s.department)}] ${s.owners?join(" ")}
<#list s.lines as l>
${l.path} ${l.owners?join(" ")}
</#list>
</#list>
