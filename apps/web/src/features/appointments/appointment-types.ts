import type { RouterOutputs } from "@lentera/api";

export type CaseAppointments = RouterOutputs["appointments"]["byCase"];
export type AppointmentItem = CaseAppointments["appointments"][number];
export type CalendarData = RouterOutputs["appointments"]["calendar"];
export type StaffOption = RouterOutputs["appointments"]["staffOptions"][number];
export type Reminders = RouterOutputs["appointments"]["reminders"];
