/// The service's OpenAPI 3.1 document, written by hand; a test holds it against the routes the router
/// registers, both ways.
enum OpenAPIDocument {
    static let json = #"""
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Parcours",
            "version": "1",
            "summary": "Pix results of local-government staff turned into mutualised training plans and tenders.",
            "description": "Every route under /api answers JSON and needs a bearer token (`parcours admin create-user` prints one); without it the answer is 401, never a redirect. Each route checks the user's role and scope: a coordinator sees one territory, commune HR one commune, a provider its own catalogues, procurement the tender packages of one territory."
          },
          "servers": [{ "url": "/" }],
          "paths": {
            "/health": {
              "get": {
                "operationId": "health",
                "summary": "The process is alive.",
                "security": [],
                "responses": {
                  "200": { "description": "Alive.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Status" } } } }
                }
              }
            },
            "/ready": {
              "get": {
                "operationId": "ready",
                "summary": "The database answers: the service can serve requests.",
                "security": [],
                "responses": {
                  "200": { "description": "Ready.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Status" } } } },
                  "503": { "description": "The database does not answer.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Status" } } } }
                }
              }
            },
            "/metrics": {
              "get": {
                "operationId": "metrics",
                "summary": "Requests by method, route and status, and their durations, in the Prometheus text format.",
                "security": [],
                "responses": {
                  "200": { "description": "The metrics.", "content": { "text/plain": { "schema": { "type": "string" } } } }
                }
              }
            },
            "/openapi.json": {
              "get": {
                "operationId": "openAPIDocument",
                "summary": "This document.",
                "security": [],
                "responses": {
                  "200": { "description": "The OpenAPI 3.1 document.", "content": { "application/json": { "schema": { "type": "object" } } } }
                }
              }
            },
            "/api/territories/{territory}/diagnosis": {
              "get": {
                "operationId": "territoryDiagnosis",
                "summary": "A territory's competence-gap diagnosis (schema parcours-diagnosis v1).",
                "description": "Its coordinator gets aggregates and agents by pseudonym; commune HR of one of its communes, its procurement and providers get aggregates only. Figures over too few agents are suppressed.",
                "parameters": [{ "$ref": "#/components/parameters/territory" }, { "$ref": "#/components/parameters/lang" }],
                "responses": {
                  "200": { "description": "The diagnosis.", "content": { "application/json": { "schema": { "type": "object" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/communes/{commune}/diagnosis": {
              "get": {
                "operationId": "communeDiagnosis",
                "summary": "A commune's own diagnosis, naming its agents: for that commune's HR only (audited).",
                "parameters": [{ "$ref": "#/components/parameters/commune" }, { "$ref": "#/components/parameters/lang" }],
                "responses": {
                  "200": { "description": "The diagnosis.", "content": { "application/json": { "schema": { "type": "object" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/api/plans": {
              "get": {
                "operationId": "listPlans",
                "summary": "The stored plans of the user's territory, newest first (coordinator, commune HR, procurement).",
                "responses": {
                  "200": {
                    "description": "The plans.",
                    "content": { "application/json": { "schema": { "type": "object", "required": ["plans"], "properties": { "plans": { "type": "array", "items": { "$ref": "#/components/schemas/Plan" } } } } } }
                  },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              },
              "post": {
                "operationId": "makePlan",
                "summary": "Asks for a plan of the coordinator's territory (the options of `parcours plan`, or of `replan` with replanFrom); it is made in the background: follow the job in Location.",
                "parameters": [{ "$ref": "#/components/parameters/lang" }],
                "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PlanRequest" } } } },
                "responses": {
                  "202": { "$ref": "#/components/responses/Accepted" },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" },
                  "422": { "description": "A value is out of range or names a commune outside the territory.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              }
            },
            "/api/jobs": {
              "get": {
                "operationId": "listJobs",
                "summary": "The jobs the caller may follow, newest first: its territory's plan jobs for a coordinator, its own catalogue imports for a provider. A page at a time: `next` is the link to the older ones (null on the last page).",
                "parameters": [
                  { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 }, "description": "Jobs per page." },
                  { "name": "before", "in": "query", "schema": { "type": "integer", "minimum": 1 }, "description": "Only jobs older than this job id (the cursor `next` carries)." }
                ],
                "responses": {
                  "200": { "description": "A page of jobs.", "content": { "application/json": { "schema": { "type": "object", "required": ["jobs", "next"], "properties": { "jobs": { "type": "array", "items": { "$ref": "#/components/schemas/Job" } }, "next": { "type": ["string", "null"] } } } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/api/jobs/{id}": {
              "get": {
                "operationId": "getJob",
                "summary": "A background job: its state, progress (objective, bound, gap, phase, percent), and once done the plan it made or the import's validation report. A plan job for its territory's coordinator, a catalogue import for its provider.",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 }, "description": "The job's id." }],
                "responses": {
                  "200": { "description": "The job.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Job" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/plans/{id}": {
              "get": {
                "operationId": "getPlan",
                "summary": "A plan of the user's territory: what it was made from and where its documents are.",
                "parameters": [{ "$ref": "#/components/parameters/plan" }],
                "responses": {
                  "200": {
                    "description": "The plan.",
                    "content": { "application/json": { "schema": { "type": "object", "required": ["plan", "inputs", "documents"], "properties": { "plan": { "$ref": "#/components/schemas/Plan" }, "inputs": { "type": "array", "items": { "type": "object" } }, "documents": { "type": "object", "additionalProperties": { "type": "string" } } } } } }
                  },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/plans/{id}/compare/{other}": {
              "get": {
                "operationId": "comparePlans",
                "summary": "Two plans of the user's territory side by side, as `parcours compare --json` gives them: coverage overall and by competence, job family and commune; costs; sessions; travel; fairness; gap (infinite values as the strings inf). Nobody is named.",
                "parameters": [{ "$ref": "#/components/parameters/plan" }, { "name": "other", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 }, "description": "The second plan's id." }, { "name": "far", "in": "query", "required": false, "schema": { "type": "number", "minimum": 0 }, "description": "Count agents whose furthest session is more than this many road km away (default 30)." }],
                "responses": {
                  "200": { "description": "The figures of both plans.", "content": { "application/json": { "schema": { "type": "object", "required": ["first", "second"], "properties": { "first": { "type": "object" }, "second": { "type": "object" } } } } } },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/plans/{id}/report": {
              "get": {
                "operationId": "planReport",
                "summary": "The plan's printable report (HTML; agents only as counts).",
                "parameters": [{ "$ref": "#/components/parameters/plan" }, { "$ref": "#/components/parameters/lang" }],
                "responses": {
                  "200": { "description": "The report.", "content": { "text/html": { "schema": { "type": "string" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/plans/{id}/plan.json": {
              "get": {
                "operationId": "planDocument",
                "summary": "The plan as JSON (schema parcours-plan v1, agents by pseudonym): the coordinator's.",
                "parameters": [{ "$ref": "#/components/parameters/plan" }, { "$ref": "#/components/parameters/lang" }],
                "responses": {
                  "200": { "description": "The plan document.", "content": { "application/json": { "schema": { "type": "object" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/plans/{id}/explanations/communes/{commune}": {
              "get": {
                "operationId": "explainCommune",
                "summary": "Why the plan is as it is for a commune: its agents by name, their sessions, its cost and unmet needs. For that commune's HR (audited).",
                "parameters": [{ "$ref": "#/components/parameters/plan" }, { "$ref": "#/components/parameters/commune" }, { "$ref": "#/components/parameters/lang" }],
                "responses": {
                  "200": { "$ref": "#/components/responses/Lines" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/plans/{id}/explanations/agents/{agent}": {
              "get": {
                "operationId": "explainAgent",
                "summary": "Each need of an agent: covered by which session, or why not. For the HR of the agent's commune (audited).",
                "parameters": [{ "$ref": "#/components/parameters/plan" }, { "$ref": "#/components/parameters/agent" }, { "$ref": "#/components/parameters/lang" }],
                "responses": {
                  "200": { "$ref": "#/components/responses/Lines" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/agents/{id}/export": {
              "get": {
                "operationId": "exportAgent",
                "summary": "Everything Parcours holds about an agent of the user's commune (GDPR access): roster record, Pix participations, needs, plans (audited).",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" }, "description": "The agent's external id in its commune." }],
                "responses": {
                  "200": { "description": "The agent's data.", "content": { "application/json": { "schema": { "type": "object", "required": ["agent", "participations", "needs", "plans"] } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/catalogues": {
              "get": {
                "operationId": "listCatalogueVersions",
                "summary": "The versions of the provider's catalogue, oldest first.",
                "responses": {
                  "200": { "description": "The versions.", "content": { "application/json": { "schema": { "type": "object", "required": ["versions"], "properties": { "versions": { "type": "array", "items": { "type": "object" } } } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              },
              "post": {
                "operationId": "uploadCatalogue",
                "summary": "Uploads a catalogue file of the provider (LHEO, XCRI-CAP or Parcours CSV): stored whole or not at all; answers the validation report, or for a large file (over `parcours serve --background-import-mb`) 202 with the import's job, whose result is the report.",
                "parameters": [{ "name": "file", "in": "query", "required": true, "schema": { "type": "string" }, "description": "The file's name, ending in .xml or .csv." }, { "$ref": "#/components/parameters/lang" }],
                "requestBody": { "required": true, "content": { "application/octet-stream": { "schema": { "type": "string", "contentMediaType": "application/octet-stream" } } } },
                "responses": {
                  "201": { "$ref": "#/components/responses/UploadReport" },
                  "200": { "$ref": "#/components/responses/UploadReport" },
                  "202": { "$ref": "#/components/responses/Accepted" },
                  "400": { "$ref": "#/components/responses/BadRequest" },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "422": { "description": "The file cannot be used at all: nothing is stored.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
                }
              }
            },
            "/api/users": {
              "get": {
                "operationId": "listUsers",
                "summary": "The service's users (admin).",
                "responses": {
                  "200": { "description": "The users.", "content": { "application/json": { "schema": { "type": "object", "required": ["users"] } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/api/audit": {
              "get": {
                "operationId": "auditLog",
                "summary": "The audit log of reads of named agents' data: who, when, which route, how many agents (admin).",
                "responses": {
                  "200": { "description": "The entries, oldest first.", "content": { "application/json": { "schema": { "type": "object", "required": ["entries"] } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" }
                }
              }
            },
            "/api/plans/{id}/explanations/communes/{commune}/sessions": {
              "get": {
                "operationId": "explainSessionChoices",
                "summary": "For each assignment of the commune's agents: the session, why this one, and why not each other session the agent could attend for the same need. For that commune's HR (audited).",
                "parameters": [{ "$ref": "#/components/parameters/plan" }, { "$ref": "#/components/parameters/commune" }, { "$ref": "#/components/parameters/lang" }],
                "responses": {
                  "200": { "description": "The assignments.", "content": { "application/json": { "schema": { "type": "object", "required": ["assignments"], "properties": { "assignments": { "type": "array", "items": { "$ref": "#/components/schemas/SessionChoice" } } } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/agents/{id}/erasure": {
              "post": {
                "operationId": "eraseAgent",
                "summary": "Erases an agent of the user's commune, keeping the aggregates (GDPR art. 17): names and personal details leave the roster, the linked Pix participations and the stored plans; the levels stay under a random surrogate id. One transaction, one audit entry. For the HR of the agent's commune.",
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" }, "description": "The agent's external id in its commune." }, { "$ref": "#/components/parameters/lang" }],
                "responses": {
                  "200": { "description": "What was erased, and what the commune must still do.", "content": { "application/json": { "schema": { "type": "object", "required": ["agents", "participations", "plans", "note"], "properties": { "agents": { "type": "integer" }, "participations": { "type": "integer" }, "plans": { "type": "array", "items": { "type": "integer" } }, "note": { "type": "string" } } } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/plans/{id}/tender": {
              "get": {
                "operationId": "planTender",
                "summary": "The tender package of a plan (procurement, coordinator of its territory): what the plan leaves uncovered by reason, and per country the procedure, the maximum and the documents, as `parcours tender --plan ID` drafts them, launched today. No agent is named.",
                "parameters": [{ "$ref": "#/components/parameters/plan" }, { "$ref": "#/components/parameters/lang" }],
                "responses": {
                  "200": { "description": "The package's listing.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TenderListing" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/plans/{id}/tender.zip": {
              "get": {
                "operationId": "planTenderArchive",
                "summary": "The whole tender package as a ZIP: index.html and one folder per country (BE-namur/, FR-bastia/).",
                "parameters": [{ "$ref": "#/components/parameters/plan" }],
                "responses": {
                  "200": { "description": "The archive.", "content": { "application/zip": { "schema": { "type": "string", "contentMediaType": "application/zip" } } } },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/api/plans/{id}/tender/{folder}/{file}": {
              "get": {
                "operationId": "planTenderFile",
                "summary": "One file of the tender package: a document (.odt, .html), a price schedule (.ods, .html) or the eForms notice (avis-eforms.xml).",
                "parameters": [
                  { "$ref": "#/components/parameters/plan" },
                  { "name": "folder", "in": "path", "required": true, "schema": { "type": "string" }, "description": "The package's folder: country and territory, e.g. BE-namur." },
                  { "name": "file", "in": "path", "required": true, "schema": { "type": "string" }, "description": "The file's name, as the listing gives it." }
                ],
                "responses": {
                  "200": {
                    "description": "The file.",
                    "content": {
                      "application/vnd.oasis.opendocument.text": { "schema": { "type": "string", "contentMediaType": "application/vnd.oasis.opendocument.text" } },
                      "application/vnd.oasis.opendocument.spreadsheet": { "schema": { "type": "string", "contentMediaType": "application/vnd.oasis.opendocument.spreadsheet" } },
                      "text/html": { "schema": { "type": "string" } },
                      "application/xml": { "schema": { "type": "string" } }
                    }
                  },
                  "401": { "$ref": "#/components/responses/Unauthorized" },
                  "403": { "$ref": "#/components/responses/Forbidden" },
                  "404": { "$ref": "#/components/responses/NotFound" }
                }
              }
            },
            "/": {
              "get": {
                "operationId": "homePage",
                "tags": ["pages"],
                "summary": "Sends a signed-in user to their own page (anonymous: to the sign-in page).",
                "security": [{ "session": [] }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" } }
              }
            },
            "/sign-in": {
              "get": {
                "operationId": "signInPage",
                "tags": ["pages"],
                "summary": "The sign-in form: an access token.",
                "security": [],
                "responses": { "200": { "$ref": "#/components/responses/Page" } }
              },
              "post": {
                "operationId": "signIn",
                "tags": ["pages"],
                "summary": "Signs in with a token: opens a session (HttpOnly, SameSite=Strict cookie) and goes home.",
                "security": [],
                "requestBody": { "required": true, "content": { "application/x-www-form-urlencoded": { "schema": { "type": "object", "required": ["token"], "properties": { "token": { "type": "string" } } } } } },
                "responses": { "303": { "$ref": "#/components/responses/SeeOther" }, "401": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/sign-in/oidc": {
              "get": {
                "operationId": "signInWithOpenID",
                "tags": ["pages"],
                "summary": "Starts an OpenID Connect sign-in (authorization code with PKCE, state and nonce): sends the browser to the identity provider. 404 when the service has no OpenID Connect settings.",
                "security": [],
                "responses": { "303": { "$ref": "#/components/responses/SeeOther" }, "404": { "$ref": "#/components/responses/Page" }, "502": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/sign-in/oidc/callback": {
              "get": {
                "operationId": "openIDCallback",
                "tags": ["pages"],
                "summary": "The provider's redirect back: the code is exchanged for an ID token (iss, aud, azp, exp, iat, nonce checked) and a session opens for the Parcours user an administrator linked to its subject; an unlinked identity gets nothing.",
                "security": [],
                "parameters": [{ "name": "code", "in": "query", "schema": { "type": "string" } }, { "name": "state", "in": "query", "schema": { "type": "string" } }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "401": { "$ref": "#/components/responses/Page" }, "403": { "$ref": "#/components/responses/Page" }, "404": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/sign-out": {
              "post": {
                "operationId": "signOut",
                "tags": ["pages"],
                "summary": "Ends the session and goes to the sign-in page.",
                "security": [{ "session": [] }],
                "responses": { "303": { "$ref": "#/components/responses/SeeOther" } }
              }
            },
            "/territories/{territory}": {
              "get": {
                "operationId": "territoryPage",
                "tags": ["pages"],
                "summary": "A territory's dashboard (coordinator, procurement): diagnosis heatmap and map, plans, the form to make one and its recent runs (coordinator), the form to compare two, unmet needs by reason.",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/territory" }, { "$ref": "#/components/parameters/lang" }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/territories/{territory}/plans": {
              "post": {
                "operationId": "makePlanFromPage",
                "tags": ["pages"],
                "summary": "The dashboard's form to make a plan (the coordinator's): queues the job and goes to its page.",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/territory" }, { "$ref": "#/components/parameters/lang" }],
                "requestBody": { "required": true, "content": { "application/x-www-form-urlencoded": { "schema": { "$ref": "#/components/schemas/PlanRequest" } } } },
                "responses": { "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" }, "422": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/territories/{territory}/compare": {
              "get": {
                "operationId": "comparePage",
                "tags": ["pages"],
                "summary": "Two plans of the territory side by side (coordinator, procurement): coverage, costs, sessions, travel, fairness, gap.",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/territory" }, { "name": "first", "in": "query", "required": true, "schema": { "type": "integer" } }, { "name": "second", "in": "query", "required": true, "schema": { "type": "integer" } }, { "$ref": "#/components/parameters/lang" }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" }, "404": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/jobs/{id}": {
              "get": {
                "operationId": "jobPage",
                "tags": ["pages"],
                "summary": "A job's page: its progress, reloading itself while it runs (the user may stop that), then its plan's links or the import's validation report. A plan job for its coordinator, an import for its provider.",
                "security": [{ "session": [] }],
                "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }, { "name": "refresh", "in": "query", "required": false, "schema": { "enum": ["off"] } }, { "$ref": "#/components/parameters/lang" }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" }, "404": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/communes/{commune}/erasure": {
              "get": {
                "operationId": "erasureForm",
                "tags": ["pages"],
                "summary": "The commune HR's form to erase one of its agents (the agent's id and an explicit confirmation).",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/commune" }, { "$ref": "#/components/parameters/lang" }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" } }
              },
              "post": {
                "operationId": "eraseAgentFromPage",
                "tags": ["pages"],
                "summary": "Erases the agent the form names, keeping the aggregates (as POST /api/agents/{id}/erasure), and says what changed; the form again, with the problem, when the id is missing, unknown (404) or not confirmed (422).",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/commune" }, { "$ref": "#/components/parameters/lang" }],
                "requestBody": { "required": true, "content": { "application/x-www-form-urlencoded": { "schema": { "type": "object", "required": ["agent", "confirm"], "properties": { "agent": { "type": "string" }, "confirm": { "const": "yes" } } } } } },
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" }, "404": { "$ref": "#/components/responses/Page" }, "422": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/plans/{id}/report": {
              "get": {
                "operationId": "planReportPage",
                "tags": ["pages"],
                "summary": "A plan's report inside the service's frame, with a way back (coordinator, commune HR, procurement of its territory; agents only as counts). Printing leaves the frame out; GET /api/plans/{id}/report is the report alone.",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/plan" }, { "$ref": "#/components/parameters/lang" }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" }, "404": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/plans/{id}/unmet-needs": {
              "get": {
                "operationId": "unmetNeedsPage",
                "tags": ["pages"],
                "summary": "A plan's unmet needs (its coordinator): by commune and reason, then need by need with the agent's pseudonym and the nearest change.",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/plan" }, { "$ref": "#/components/parameters/lang" }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" }, "404": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/communes/{commune}": {
              "get": {
                "operationId": "communePage",
                "tags": ["pages"],
                "summary": "A commune's own page (its HR): its agents by name, their sessions in the latest plan, its diagnosis (audited).",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/commune" }, { "$ref": "#/components/parameters/lang" }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/catalogues/upload": {
              "get": {
                "operationId": "uploadPage",
                "tags": ["pages"],
                "summary": "A provider's upload form and its catalogue's versions.",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/lang" }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" } }
              },
              "post": {
                "operationId": "uploadFromPage",
                "tags": ["pages"],
                "summary": "Uploads the form's catalogue file and shows its validation report.",
                "security": [{ "session": [] }],
                "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["catalogue"], "properties": { "catalogue": { "type": "string", "contentMediaType": "application/octet-stream" } } } } } },
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" }, "422": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/communes/{commune}/sessions": {
              "get": {
                "operationId": "sessionChoicesPage",
                "tags": ["pages"],
                "summary": "Why each of the commune's agents goes to their session in the latest plan rather than another (its HR; audited).",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/commune" }, { "$ref": "#/components/parameters/lang" }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" } }
              }
            },
            "/plans/{id}/tender": {
              "get": {
                "operationId": "tenderPage",
                "tags": ["pages"],
                "summary": "A plan's tender package (procurement, coordinator): uncovered needs by reason, each country's procedure and documents, the ZIP.",
                "security": [{ "session": [] }],
                "parameters": [{ "$ref": "#/components/parameters/plan" }, { "$ref": "#/components/parameters/lang" }],
                "responses": { "200": { "$ref": "#/components/responses/Page" }, "303": { "$ref": "#/components/responses/SeeOther" }, "403": { "$ref": "#/components/responses/Page" }, "404": { "$ref": "#/components/responses/Page" } }
              }
            }
          },
          "components": {
            "parameters": {
              "territory": { "name": "territory", "in": "path", "required": true, "schema": { "type": "string" }, "description": "A territory id of Config/territories.yaml." },
              "commune": { "name": "commune", "in": "path", "required": true, "schema": { "type": "string" }, "description": "A commune's NIS or INSEE code." },
              "plan": { "name": "id", "in": "path", "required": true, "schema": { "type": "integer", "minimum": 1 }, "description": "A stored plan's id." },
              "agent": { "name": "agent", "in": "path", "required": true, "schema": { "type": "string" }, "description": "An agent's external id in its commune." },
              "lang": { "name": "lang", "in": "query", "required": false, "schema": { "enum": ["fr", "en"] }, "description": "The language of texts (default: Accept-Language, else French)." }
            },
            "responses": {
              "Page": { "description": "An HTML page.", "content": { "text/html": { "schema": { "type": "string" } } } },
              "SeeOther": { "description": "Go to the page in Location.", "headers": { "Location": { "schema": { "type": "string" } } } },
              "Unauthorized": { "description": "No valid bearer token.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Forbidden": { "description": "The user's role or scope does not allow it.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "NotFound": { "description": "Nothing of that id in the user's scope.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "BadRequest": { "description": "The request is malformed.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
              "Lines": { "description": "The explanation, line by line.", "content": { "application/json": { "schema": { "type": "object", "required": ["lines"], "properties": { "lines": { "type": "array", "items": { "type": "string" } } } } } } },
              "Accepted": { "description": "Queued: the job, to follow at the URL in Location.", "headers": { "Location": { "schema": { "type": "string" } } }, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Job" } } } },
              "UploadReport": { "description": "The validation report (201: stored; 200: the same content was stored before).", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/UploadReport" } } } }
            },
            "securitySchemes": {
              "bearer": { "type": "http", "scheme": "bearer", "description": "A token printed by `parcours admin create-user`." },
              "session": { "type": "apiKey", "in": "cookie", "name": "parcours_session", "description": "The session opened by POST /sign-in (web pages)." }
            },
            "schemas": {
              "Plan": {
                "type": "object",
                "required": ["id", "createdAt", "territory", "label"],
                "properties": { "id": { "type": "integer" }, "createdAt": { "type": "string", "format": "date-time" }, "territory": { "type": "string" }, "label": { "type": "string" }, "previousPlanID": { "type": "integer" } }
              },
              "UploadReport": {
                "type": "object",
                "required": ["file", "stored", "providers", "acceptedCourses", "acceptedSessions", "rejectedCourses", "errorCount", "warningCount", "notes", "diagnostics"],
                "properties": {
                  "file": { "type": "string" },
                  "stored": { "type": "boolean" },
                  "format": { "type": "string" },
                  "providers": { "type": "array", "items": { "type": "string" } },
                  "acceptedCourses": { "type": "integer" },
                  "acceptedSessions": { "type": "integer" },
                  "rejectedCourses": { "type": "array", "items": { "type": "string" } },
                  "errorCount": { "type": "integer" },
                  "warningCount": { "type": "integer" },
                  "notes": { "type": "array", "items": { "type": "string" } },
                  "diagnostics": { "type": "array", "items": { "type": "object", "required": ["severity", "message"], "properties": { "severity": { "enum": ["error", "warning"] }, "line": { "type": "integer" }, "column": { "type": "integer" }, "field": { "type": "string", "description": "the element path (XML) or the column name (CSV)" }, "course": { "type": "string" }, "message": { "type": "string" } } } }
                }
              },
              "PlanRequest": {
                "type": "object",
                "description": "The options of `parcours plan` (each changes one rule of Config/planning.yaml for this plan), and of `parcours replan` with replanFrom.",
                "properties": {
                  "territory": { "type": "string", "description": "Default: the coordinator's." },
                  "label": { "type": "string" },
                  "date": { "type": "string", "format": "date", "description": "The day the plan is made (default: today)." },
                  "maximumTravelKm": { "type": "number", "minimum": 0 },
                  "minimumGroupSize": { "type": "integer", "minimum": 1 },
                  "remote": { "type": "boolean" },
                  "communes": { "type": "array", "items": { "type": "string" } },
                  "budget": { "type": "number", "minimum": 0 },
                  "timeLimit": { "type": "number", "exclusiveMinimum": 0 },
                  "gapTarget": { "type": "number", "minimum": 0, "exclusiveMaximum": 1, "description": "Stop once the plan is proven within this fraction of the best possible (0.005 = 0.5 %; 0: until the time limit)." },
                  "seed": { "type": "integer", "minimum": 0 },
                  "replanFrom": { "type": "integer", "description": "A stored plan of the territory to re-plan." },
                  "cancelSessions": { "type": "array", "items": { "type": "string" } },
                  "removeAgents": { "type": "array", "items": { "type": "string" } },
                  "pin": { "enum": ["unaffected", "all", "none"] }
                }
              },
              "Job": {
                "type": "object",
                "required": ["id", "kind", "state", "attempts", "createdAt"],
                "properties": {
                  "id": { "type": "integer" },
                  "kind": { "enum": ["plan", "import-catalogue"] },
                  "territory": { "type": "string" },
                  "state": { "enum": ["queued", "running", "done", "failed"] },
                  "attempts": { "type": "integer" },
                  "createdAt": { "type": "string", "format": "date-time" },
                  "startedAt": { "type": "string", "format": "date-time" },
                  "finishedAt": { "type": "string", "format": "date-time" },
                  "progress": {
                    "type": "object",
                    "required": ["phase", "percent"],
                    "properties": {
                      "phase": { "enum": ["starting", "gathering", "solving", "saving", "importing", "done"] },
                      "percent": { "type": "number", "minimum": 0, "maximum": 100 },
                      "objective": { "type": "number" },
                      "bound": { "type": "number" },
                      "gap": { "type": "number" },
                      "seconds": { "type": "number" }
                    }
                  },
                  "reason": { "type": "string", "description": "Why the job failed, or why its last attempt stopped, in the request's language (French by default)." },
                  "reasonCode": { "enum": ["instance-stopped", "instance-shutdown", "attempts-exhausted", "taken-over", "plan-gone", "plan-refused", "plan-unreadable", "staged-file-missing", "other-provider", "catalogue-refused", "no-handler", "refused", "database-error", "internal-error", "unexplained"], "description": "The reason's stable code (`unexplained`: a reason stored before reasons had codes)." },
                  "error": { "type": "string", "description": "The same as reason (kept for clients written before reasonCode)." },
                  "plan": { "type": "object", "required": ["id", "href"], "properties": { "id": { "type": "integer" }, "href": { "type": "string" } } },
                  "report": { "$ref": "#/components/schemas/UploadReport" }
                }
              },
              "SessionChoice": {
                "type": "object",
                "required": ["agent", "lastName", "firstName", "competence", "sessionID", "session", "why", "alternatives"],
                "properties": {
                  "agent": { "type": "string" },
                  "lastName": { "type": "string" },
                  "firstName": { "type": "string" },
                  "competence": { "type": "string" },
                  "sessionID": { "type": "string" },
                  "session": { "type": "string", "description": "The session in one line: id, course, dates, venue and road distance." },
                  "why": { "type": "string" },
                  "alternatives": { "type": "array", "items": { "type": "object", "required": ["session", "whyNot"], "properties": { "session": { "type": "string" }, "whyNot": { "type": "string" } } } }
                }
              },
              "TenderListing": {
                "type": "object",
                "required": ["plan", "launchDate", "unmetNeeds", "tendered", "setAside", "outsidePlan", "packages"],
                "properties": {
                  "plan": { "type": "integer" },
                  "launchDate": { "type": "string", "format": "date" },
                  "unmetNeeds": { "type": "integer" },
                  "tendered": { "type": "object", "additionalProperties": { "type": "integer" }, "description": "Needs tendered, by the plan's reason group (no-course, distance, capacity…)." },
                  "setAside": { "type": "object", "additionalProperties": { "type": "integer" }, "description": "Needs a catalogue session could take, left to the plan, by reason (free-session, budget, cost, allowance)." },
                  "outsidePlan": { "type": "integer" },
                  "archive": { "type": "string", "description": "The ZIP of the whole package; absent when nothing is to tender." },
                  "packages": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "required": ["folder", "country", "territory", "buyer", "lots", "agents", "estimatedTotal", "maximumTotal", "procedure", "rule", "eFormsSubtype", "files"],
                      "properties": {
                        "folder": { "type": "string" },
                        "country": { "enum": ["BE", "FR"] },
                        "territory": { "type": "string" },
                        "buyer": { "type": "string" },
                        "lots": { "type": "integer" },
                        "agents": { "type": "integer" },
                        "estimatedTotal": { "type": "number", "description": "Euros, net of VAT." },
                        "maximumTotal": { "type": "number", "description": "The framework maximum, euros net of VAT." },
                        "procedure": { "type": "string" },
                        "rule": { "type": "string", "description": "The rule applied, with its legal source." },
                        "eFormsSubtype": { "type": "string" },
                        "noticeValid": { "type": "boolean", "description": "The notice passed the eForms XSDs (TED's Schematron rules are not checked)." },
                        "files": { "type": "array", "items": { "type": "object", "required": ["name", "href", "mediaType", "bytes"], "properties": { "name": { "type": "string" }, "href": { "type": "string" }, "mediaType": { "type": "string" }, "bytes": { "type": "integer" } } } }
                      }
                    }
                  }
                }
              },
              "Status": {
                "type": "object",
                "required": ["status"],
                "properties": { "status": { "type": "string" } }
              },
              "Error": {
                "type": "object",
                "required": ["error"],
                "properties": {
                  "error": {
                    "type": "object",
                    "required": ["status", "message"],
                    "properties": { "status": { "type": "integer" }, "message": { "type": "string" } }
                  }
                }
              }
            }
          },
          "security": [{ "bearer": [] }]
        }
        """#
}
