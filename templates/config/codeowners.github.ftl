<#-- codeowners (GitHub): one line per SOP file with every reviewer of it (docs/configs.md). -->
<#import "/config/_codeowners.ftl" as co>
# Written by `sop render config --target codeowners` from the reviewers in org.yaml: each SOP file
# is owned by its department's reviewers and by those of each department it hands over to or
# receives from. Change org.yaml and render again; `--check` in CI catches drift.
<#if codeowners.unreviewed?has_content>
# No reviewers in org.yaml for: ${co.text(codeowners.unreviewed?join(", "))}
</#if>
<#list codeowners.files as f>
<#if f.owners?has_content>

# ${co.text(f.sop!"(no id)")}: ${co.text(f.departments?join(", "))}
${f.path} ${f.owners?join(" ")}
</#if>
</#list>
