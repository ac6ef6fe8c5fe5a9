<#-- helpdesk-sla: one policy per reply promise and channel (docs/configs.md). -->
<#import "_json.ftl" as json>
{
  "format": "sop-helpdesk-sla/1",
  "organisation": ${json.str(organisation)},
  "policies": [
<#list slaPolicies as p>
    {
      "id": ${json.str(p.id)},
      "sop": ${json.str(p.sop)},
      "sopTitle": ${json.str(p.sopTitle)},
      "promise": ${json.str(p.promise)},
      "description": ${json.str(p.description)},
      "channel": ${json.str(p.channel)},
      "targetMinutes": ${json.num(p.targetMinutes)},
      "targetSeconds": ${json.num(p.targetSeconds)},
      "escalateTo": ${json.str(p.escalateTo)},
      "escalateToName": ${json.str(p.escalateToName)},
      "escalationBasis": ${json.str(p.escalationBasis)}
    }<#sep>,</#sep>
</#list>
  ]
}
