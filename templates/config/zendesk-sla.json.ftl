<#-- zendesk-sla: Zendesk Support SLA policies, one request body per policy (docs/configs.md). -->
<#import "_json.ftl" as json>
<#-- Zendesk sets a target per ticket priority; an SOP promise holds whatever the priority. -->
<#assign priorities = ["low", "normal", "high", "urgent"]>
{
  "format": "sop-zendesk-sla/1",
  "organisation": ${json.str(organisation)},
<#if zendeskSchedules?has_content>
  "businessHours": "targets of promises in business days or hours count their calendar's schedule (zendesk-schedules); the others count calendar hours",
<#else>
  "businessHours": "none: org.yaml has no calendar with working hours, so every target counts calendar hours (24/7)",
</#if>
  "requests": [
<#list zendeskSlaPolicies as p>
    {
      "sla_policy": {
        "title": ${json.str(p.title)},
        "description": ${json.str(p.description)},
        "position": ${json.num(p.position)},
        "filter": {
          "all": [
<#list p.tags as tag>
            {"field": "current_tags", "operator": "includes", "value": ${json.str(tag)}}<#sep>,</#sep>
</#list>
          ],
          "any": []
        },
        "policy_metrics": [
<#list priorities as priority>
          {"priority": ${json.str(priority)}, "metric": ${json.str(p.metric)}, "target": ${json.num(p.targetMinutes)}, "business_hours": ${json.bool(p.businessHours)}}<#sep>,</#sep>
</#list>
        ]
      }
    }<#sep>,</#sep>
</#list>
  ],
  "policies": [
<#list zendeskSlaPolicies as p>
    {"id": ${json.str(p.id)}, "title": ${json.str(p.title)}, "metric": ${json.str(p.metric)}, "metricBasis": ${json.str(p.metricBasis)}, "schedule": ${json.str(p.schedule)}}<#sep>,</#sep>
</#list>
  ],
  "notCovered": [
<#list zendeskUncovered as u>
    {"id": ${json.str(u.id)}, "reason": ${json.str(u.reason)}}<#sep>,</#sep>
</#list>
  ]
}
