-- The steps of a dossier after receipt (Decree 118/2025, Circular 03/2025 forms): the form a step issued,
-- the day it took effect, and the appointment it set (an extension's new date).
ALTER TABLE services_dossier_events ADD COLUMN form TEXT NOT NULL DEFAULT '';
ALTER TABLE services_dossier_events ADD COLUMN day TEXT;
ALTER TABLE services_dossier_events ADD COLUMN due_on TEXT;
