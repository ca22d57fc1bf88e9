CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"iss" text NOT NULL,
	"sub" text NOT NULL,
	"client" text NOT NULL,
	"provider_sid" text,
	"profile" jsonb NOT NULL,
	"requested_scopes" text[] NOT NULL,
	"granted_scopes" text[] NOT NULL,
	"access_token" text NOT NULL,
	"access_token_expires_at" timestamp with time zone NOT NULL,
	"refresh_token" text,
	"id_token" text,
	"tokens_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"refresh_lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "used_logout_tokens" (
	"jti" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"iss" text NOT NULL,
	"sub" text NOT NULL,
	"last_dataset" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_preferences_iss_sub_pk" PRIMARY KEY("iss","sub")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"iss" text NOT NULL,
	"sub" text NOT NULL,
	"email" text,
	"name" text,
	"registry_id" text,
	"last_sign_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_iss_sub_pk" PRIMARY KEY("iss","sub")
);
--> statement-breakpoint
CREATE INDEX "sessions_subject_idx" ON "sessions" USING btree ("iss","sub");--> statement-breakpoint
CREATE INDEX "sessions_provider_sid_idx" ON "sessions" USING btree ("iss","provider_sid");