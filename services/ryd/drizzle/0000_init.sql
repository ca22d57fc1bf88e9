CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_uid" uuid,
	"actor_sub" text,
	"actor_iss" text,
	"client_id" text,
	"org_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "dataset_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"action_type" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responsible_org_id" uuid NOT NULL,
	"responsible_org_name" text NOT NULL,
	"user_application_id" text DEFAULT '' NOT NULL,
	"user_application_name" text DEFAULT '' NOT NULL,
	"user_id" text DEFAULT '' NOT NULL,
	"user_name" text DEFAULT '' NOT NULL,
	CONSTRAINT "dataset_actions_type_ck" CHECK ("dataset_actions"."action_type" in ('create', 'update_metadata', 'update_url', 'change_visibility', 'delete'))
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"short_name" text NOT NULL,
	"title" text NOT NULL,
	"source_type" text DEFAULT '' NOT NULL,
	"url" text DEFAULT '' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"licence_id" text DEFAULT '' NOT NULL,
	"file_type" text,
	"language" text,
	"last_url_update_date" timestamp with time zone,
	"last_metadata_update_date" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "datasets_visibility_ck" CHECK ("datasets"."visibility" in ('public', 'private')),
	CONSTRAINT "datasets_file_type_ck" CHECK ("datasets"."file_type" is null or "datasets"."file_type" in ('activity', 'organisation'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"actor_uid" uuid NOT NULL,
	"key" text NOT NULL,
	"endpoint" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_actor_uid_endpoint_key_pk" PRIMARY KEY("actor_uid","endpoint","key")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_role_ck" CHECK ("memberships"."role" in ('admin', 'editor', 'contributor', 'contributor_pending'))
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"recipient_email" text NOT NULL,
	"recipient_name" text DEFAULT '' NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reporting_orgs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"short_name" text NOT NULL,
	"human_readable_name" text NOT NULL,
	"organisation_identifier" text DEFAULT '' NOT NULL,
	"organisation_type" text,
	"hq_country" text,
	"region" text,
	"reporting_source_type" text,
	"default_licence_id" text,
	"description" text,
	"website" text,
	"data_portal_url" text,
	"exclusions_policy_url" text,
	"contact_email" text,
	"address" text,
	"phone" text,
	"fax" text,
	"registry_approved" boolean DEFAULT false NOT NULL,
	"first_publication_date" text,
	"number_of_published_datasets" integer DEFAULT 0 NOT NULL,
	"created_date" timestamp with time zone DEFAULT now() NOT NULL,
	"discoverable" boolean DEFAULT true NOT NULL,
	"deleted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "superadmins" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tool_admin_users" (
	"tool_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_admin_users_tool_id_user_id_pk" PRIMARY KEY("tool_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "tool_authorisations" (
	"tool_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tool_authorisations_tool_id_org_id_pk" PRIMARY KEY("tool_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "tools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"client_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dataset_actions" ADD CONSTRAINT "dataset_actions_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_owner_org_id_reporting_orgs_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."reporting_orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_reporting_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."reporting_orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "superadmins" ADD CONSTRAINT "superadmins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_admin_users" ADD CONSTRAINT "tool_admin_users_tool_id_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_admin_users" ADD CONSTRAINT "tool_admin_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_authorisations" ADD CONSTRAINT "tool_authorisations_tool_id_tools_id_fk" FOREIGN KEY ("tool_id") REFERENCES "public"."tools"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tool_authorisations" ADD CONSTRAINT "tool_authorisations_org_id_reporting_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."reporting_orgs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_org_idx" ON "audit_log" USING btree ("org_id","id");--> statement-breakpoint
CREATE INDEX "dataset_actions_dataset_idx" ON "dataset_actions" USING btree ("dataset_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_short_name_live_uq" ON "datasets" USING btree ("short_name") WHERE "datasets"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "datasets_owner_title_idx" ON "datasets" USING btree ("owner_org_id",lower("title"),"id") WHERE "datasets"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "datasets_owner_updated_idx" ON "datasets" USING btree ("owner_org_id","updated_at") WHERE "datasets"."deleted_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_org_user_uq" ON "memberships" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "outbox_unsent_idx" ON "outbox" USING btree ("id") WHERE "outbox"."sent_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_orgs_short_name_live_uq" ON "reporting_orgs" USING btree ("short_name") WHERE "reporting_orgs"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "reporting_orgs_lower_name_idx" ON "reporting_orgs" USING btree (lower("human_readable_name"),"id");--> statement-breakpoint
CREATE INDEX "reporting_orgs_identifier_idx" ON "reporting_orgs" USING btree ("organisation_identifier");--> statement-breakpoint
CREATE INDEX "tool_admin_users_user_idx" ON "tool_admin_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "tool_authorisations_org_idx" ON "tool_authorisations" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tools_client_id_uq" ON "tools" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "users_lower_name_idx" ON "users" USING btree (lower("name"));