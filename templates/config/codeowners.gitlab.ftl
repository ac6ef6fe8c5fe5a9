<#-- codeowners (GitLab): a section per department, so each department's approval is its own rule (docs/configs.md). -->
# Written by `sop render config --target codeowners --format gitlab` from the reviewers in
# org.yaml: one section per department, listing its own SOP files and those of other departments
# that hand over to it or receive from it. Change org.yaml and render again; `--check` in CI
# catches drift.
<#if codeowners.unreviewed?has_content>
# No reviewers in org.yaml for: ${codeowners.unreviewed?join(", ")}
</#if>
<#list codeowners.sections as s>

[${s.department}] ${s.owners?join(" ")}
<#list s.paths as p>
${p} ${s.owners?join(" ")}
</#list>
</#list>
