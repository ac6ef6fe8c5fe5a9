<#-- workflow-timers: one timer per promise with until (docs/configs.md). -->
<#import "_json.ftl" as json>
{
  "format": "sop-workflow-timers/1",
  "organisation": ${json.str(organisation)},
  "timers": [
<#list workflowTimers as t>
    {
      "id": ${json.str(t.id)},
      "startSop": ${json.str(t.sop)},
      "startSopTitle": ${json.str(t.sopTitle)},
      "promise": ${json.str(t.promise)},
      "description": ${json.str(t.description)},
      "endArtifact": ${json.str(t.until)},
      "deadlineSeconds": ${json.num(t.deadlineSeconds)},
      "ownerDepartment": ${json.str(t.ownerDepartment)},
      "ownerDepartmentName": ${json.str(t.ownerDepartmentName)},
      "worstCaseSeconds": ${json.num(t.worstCaseSeconds)},
      "path": ${json.strs(t.path)},
      "atRisk": ${json.bool(t.atRisk)}
    }<#sep>,</#sep>
</#list>
  ]
}
