<#--
  CSV helpers shared by the CSV config templates (and available to user templates as
  <#import "/config/_csv.ftl" as csv>).
  field(value): one field, quoted as RFC 4180 says (wrapped in double quotes, inner quotes doubled)
  when it holds a comma, a double quote, a carriage return or a line feed. A value that starts with
  = + - @ tab or carriage return gets a leading apostrophe first, so a spreadsheet shows it as text
  instead of running it as a formula (CSV injection). A missing value is an empty field.
  row(values): the fields of one record, separated by commas and ended with a line feed.
-->
<#function field value="">
  <#local s = value?string>
  <#-- Most values need nothing: one regular expression says so (much faster than the checks). -->
  <#if s?matches("[^\",\r\n=+@\t-][^\",\r\n]*|")>
    <#return s>
  </#if>
  <#if "=+-@\t\r"?contains(s[0])>
    <#local s = "'" + s>
  </#if>
  <#if s?contains("\"") || s?contains(",") || s?contains("\n") || s?contains("\r")>
    <#return "\"" + s?replace("\"", "\"\"") + "\"">
  </#if>
  <#return s>
</#function>
<#macro row values><#list values as v>${field(v)}<#sep>,</#sep></#list>${"\n"}</#macro>
