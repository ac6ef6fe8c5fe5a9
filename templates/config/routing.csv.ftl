<#-- routing: one row per handoff between two departments (docs/configs.md). -->
<#import "_csv.ftl" as csv>
<@csv.row ["artifact", "from_department", "from_department_name", "from_sops", "to_department", "to_department_name", "to_sops"] />
<#list routes as r>
<@csv.row [r.artifact, r.fromDepartment, r.fromDepartmentName!"", r.fromSops?join(" "), r.toDepartment, r.toDepartmentName!"", r.toSops?join(" ")] />
</#list>
