ALTER TABLE `scheduled_jobs` ADD `payload` text;--> statement-breakpoint
-- Reminders scheduled before the payload existed: copy their details from the alert that opened them.
UPDATE `scheduled_jobs` SET `payload` = (
	SELECT json_patch('{}', json_object(
		'reason', json_extract(n.props, '$.reauthReason'),
		'occurredAt', json_extract(n.props, '$.occurredAt'),
		'message', json_extract(n.props, '$.message'),
		'providerError', json_extract(n.props, '$.providerError')
	))
	FROM `notifications` n
	JOIN `integrations` i ON i.company_id = n.company_id AND i.provider = n.provider
	WHERE i.id = `scheduled_jobs`.integration_id
		AND n.company_id = `scheduled_jobs`.company_id
		AND n.kind = 'reauth_required'
		AND n.preview = 0
		AND n.created_at >= coalesce(i.reauth_alert_opened_at, i.reauth_deadline_at)
	ORDER BY n.created_at DESC
	LIMIT 1
)
WHERE `kind` = 'reauth_reminder' AND `status` IN ('pending', 'paused');
