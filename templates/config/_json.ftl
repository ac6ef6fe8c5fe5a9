<#--
  JSON helpers shared by the JSON config templates (and available to user templates as
  <#import "/config/_json.ftl" as json>). Every string goes through ?json_string, which escapes
  quotes, backslashes, control characters and "</" so the output is valid JSON that is also safe
  inside an HTML script element.
  str(value): a JSON string, or null when the value is missing.
  strs(values): a JSON array of strings.
  num(value): a JSON number (computer format, no grouping), or null when the value is missing.
  bool(value): true or false.
-->
<#-- A missing argument takes the default false, which no string or number equals: hence null. -->
<#function str value=false>
  <#return value?is_string?then("\"" + value?json_string + "\"", "null")>
</#function>
<#function strs values>
  <#local out = []>
  <#list values as v>
    <#local out = out + [str(v)]>
  </#list>
  <#return "[" + out?join(", ") + "]">
</#function>
<#function num value=false>
  <#return value?is_number?then(value?c, "null")>
</#function>
<#function bool value>
  <#return value?c>
</#function>
