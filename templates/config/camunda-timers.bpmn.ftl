<#ftl output_format="XML">
<#-- camunda-timers: one executable Camunda 8 process per workflow timer (docs/configs.md). Every
     ${} is escaped for XML by the output format above. -->
<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_sop_timers" targetNamespace="http://bpmn.io/schema/bpmn" exporter="sop" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
<#if camundaTimers?has_content>
  <bpmn:collaboration id="Collaboration_sop_timers"<#if organisation??> name="${organisation}"</#if>>
<#list camundaTimers as t>
    <bpmn:participant id="Pool_${t.processId}" name="${t.name}" processRef="${t.processId}" />
</#list>
  </bpmn:collaboration>
</#if>
<#list camundaTimers as t>
<#assign p = t.processId>
  <bpmn:process id="${p}" name="${t.name}" isExecutable="true">
    <bpmn:documentation>SOP ${t.sop}, promise ${t.promise}: some SOP outputs ${t.until} within ${t.timeDuration} of the start of ${t.sop}.<#if t.description??> ${t.description}</#if> Start an instance with the variable caseId; publish the message ${t.until} with that correlation key.</bpmn:documentation>
    <bpmn:startEvent id="${p}_start" name="${t.sop} starts">
      <bpmn:outgoing>${p}_to_wait</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:sequenceFlow id="${p}_to_wait" sourceRef="${p}_start" targetRef="${p}_wait" />
    <bpmn:receiveTask id="${p}_wait" name="Wait for ${t.until}" messageRef="${t.messageId}">
      <bpmn:incoming>${p}_to_wait</bpmn:incoming>
      <bpmn:outgoing>${p}_to_kept</bpmn:outgoing>
    </bpmn:receiveTask>
    <bpmn:sequenceFlow id="${p}_to_kept" sourceRef="${p}_wait" targetRef="${p}_kept" />
    <bpmn:endEvent id="${p}_kept" name="${t.promise} kept">
      <bpmn:incoming>${p}_to_kept</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:boundaryEvent id="${p}_deadline" name="within ${t.timeDuration}" attachedToRef="${p}_wait">
      <bpmn:outgoing>${p}_to_missed</bpmn:outgoing>
      <bpmn:timerEventDefinition id="${p}_timer">
        <bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${t.timeDuration}</bpmn:timeDuration>
      </bpmn:timerEventDefinition>
    </bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="${p}_to_missed" sourceRef="${p}_deadline" targetRef="${p}_missed" />
    <bpmn:endEvent id="${p}_missed" name="${t.promise} missed">
      <bpmn:incoming>${p}_to_missed</bpmn:incoming>
    </bpmn:endEvent>
  </bpmn:process>
</#list>
<#-- One message per artifact: a single message published for it stops every clock waiting for it. -->
<#assign declared = []>
<#list camundaTimers as t>
<#if !declared?seq_contains(t.messageId)>
<#assign declared = declared + [t.messageId]>
  <bpmn:message id="${t.messageId}" name="${t.until}">
    <bpmn:extensionElements>
      <zeebe:subscription correlationKey="=caseId" />
    </bpmn:extensionElements>
  </bpmn:message>
</#if>
</#list>
<#if camundaTimers?has_content>
  <bpmndi:BPMNDiagram id="Diagram_sop_timers">
    <bpmndi:BPMNPlane id="Plane_sop_timers" bpmnElement="Collaboration_sop_timers">
<#list camundaTimers as t>
<#assign p = t.processId>
<#assign y = t?index * 250>
      <bpmndi:BPMNShape id="Pool_${p}_di" bpmnElement="Pool_${p}" isHorizontal="true">
        <dc:Bounds x="0" y="${y?c}" width="600" height="220" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${p}_start_di" bpmnElement="${p}_start">
        <dc:Bounds x="82" y="${(y + 72)?c}" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${p}_wait_di" bpmnElement="${p}_wait">
        <dc:Bounds x="180" y="${(y + 50)?c}" width="140" height="80" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${p}_kept_di" bpmnElement="${p}_kept">
        <dc:Bounds x="402" y="${(y + 72)?c}" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${p}_deadline_di" bpmnElement="${p}_deadline">
        <dc:Bounds x="232" y="${(y + 112)?c}" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="${p}_missed_di" bpmnElement="${p}_missed">
        <dc:Bounds x="402" y="${(y + 140)?c}" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="${p}_to_wait_di" bpmnElement="${p}_to_wait">
        <di:waypoint x="118" y="${(y + 90)?c}" />
        <di:waypoint x="180" y="${(y + 90)?c}" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="${p}_to_kept_di" bpmnElement="${p}_to_kept">
        <di:waypoint x="320" y="${(y + 90)?c}" />
        <di:waypoint x="402" y="${(y + 90)?c}" />
      </bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="${p}_to_missed_di" bpmnElement="${p}_to_missed">
        <di:waypoint x="250" y="${(y + 148)?c}" />
        <di:waypoint x="250" y="${(y + 158)?c}" />
        <di:waypoint x="402" y="${(y + 158)?c}" />
      </bpmndi:BPMNEdge>
</#list>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</#if>
</bpmn:definitions>
