-- Business duplicates on receipt (issue 22 item 1): a request message is looked up by applicant
-- and service among the requests the gateway carried, and a request counts as closed once a result
-- or refusal came back for its message, or it was returned (a status `returned`, a return notice).
CREATE INDEX messages_request_applicant ON messages (json_extract(body, '$.payload.applicant.iin'), json_extract(body, '$.payload.serviceId'))
  WHERE json_extract(body, '$.kind') = 'request';
CREATE INDEX messages_about ON messages (coalesce(json_extract(body, '$.payload.request.messageId'), json_extract(body, '$.payload.messageId')))
  WHERE json_extract(body, '$.kind') <> 'request';
