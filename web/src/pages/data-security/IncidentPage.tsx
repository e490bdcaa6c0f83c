/** 安全事件 detail page (route /o/:orgId/data-security/incidents/:incidentId). */
export function IncidentPage() {
  return null;
}
