<#-- routing: one object per handoff between two departments (docs/configs.md). -->
<#import "_json.ftl" as json>
{
  "format": "sop-routing/1",
  "organisation": ${json.str(organisation)},
  "routes": [
<#list routes as r>
    {
      "artifact": ${json.str(r.artifact)},
      "fromDepartment": ${json.str(r.fromDepartment)},
      "fromDepartmentName": ${json.str(r.fromDepartmentName)},
      "fromSops": ${json.strs(r.fromSops)},
      "toDepartment": ${json.str(r.toDepartment)},
      "toDepartmentName": ${json.str(r.toDepartmentName)},
      "toSops": ${json.strs(r.toSops)}
    }<#sep>,</#sep>
</#list>
  ]
}
