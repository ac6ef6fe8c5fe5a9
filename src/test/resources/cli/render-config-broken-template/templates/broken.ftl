<#-- A loop that is never closed. -->
<#list sops as sop>
${sop.id}
