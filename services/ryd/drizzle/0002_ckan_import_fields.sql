ALTER TABLE "datasets" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "reporting_orgs" ADD COLUMN "former_short_names" text[] DEFAULT '{}'::text[] NOT NULL;