<#-- zendesk-schedules: Zendesk business-hours schedules and holidays from org.yaml calendars
     (docs/configs.md). -->
<#import "_json.ftl" as json>
{
  "format": "sop-zendesk-schedules/1",
  "organisation": ${json.str(organisation)},
<#if zendeskSchedules?has_content>
  "calendarHours": null,
<#else>
  "calendarHours": "24/7: org.yaml has no calendar with working hours, so no schedule is needed and the zendesk-sla targets count calendar hours",
</#if>
  "schedules": [
<#list zendeskSchedules as s>
    {
      "id": ${json.str(s.id)},
      "timeZoneKnown": ${json.bool(s.timeZoneKnown)},
      "schedule": {"name": ${json.str(s.name)}, "time_zone": ${json.str(s.timeZone)}},
      "workweek": {
        "intervals": [
<#list s.intervals as i>
          {"start_time": ${json.num(i.startTime)}, "end_time": ${json.num(i.endTime)}}<#sep>,</#sep>
</#list>
        ]
      },
      "holidays": [
<#list s.holidays as h>
        {"holiday": {"name": ${json.str(h.name)}, "start_date": ${json.str(h.startDate)}, "end_date": ${json.str(h.endDate)}}}<#sep>,</#sep>
</#list>
      ]
    }<#sep>,</#sep>
</#list>
  ]
}
