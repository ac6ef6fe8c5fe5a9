<#-- raci: one row per SOP step, one column per role; cells R, A, R/A, C, I (docs/configs.md). -->
<#import "_csv.ftl" as csv>
<@csv.row ["sop", "sop_title", "step"] + raci.roles />
<#list raci.rows as r>
<@csv.row [r.sop, r.sopTitle, r.step] + r.cells />
</#list>
