<#--
  CODEOWNERS helpers shared by the codeowners templates (and available to user templates as
  <#import "/config/_codeowners.ftl" as co>). Patterns arrive escaped (see docs/configs.md).
  text(value): a value for a comment or a section name, on one line: line breaks and other control
  characters become spaces, and so do [ and ], which would end a GitLab section name early.
-->
<#function text value="">
  <#return value?string?replace("[\\p{Cntrl}\\u2028\\u2029\\[\\]]", " ", "r")>
</#function>
