// The app's words for kinds and statuses live in lib/ so components outside this route share them.
export { KIND_LABELS } from "@/lib/notifications/kinds";
export { STATUS_LABELS, STATUS_TONES } from "@/lib/notifications/log-labels";
