# The app as a container: Next's standalone server, the migrations and their runner, a non-root user.
#   docker build -t me-dashboard .
#   docker compose up            (compose.yaml: PostgreSQL and the app, with the demo data)

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# postinstall generates the Prisma client (no engine download: see the db:generate script).
RUN npm ci

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
RUN npm run build

FROM node:22-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only (tsx runs the migration and admin scripts); the client comes from build.
RUN npm ci --omit=dev --ignore-scripts

FROM node:22-bookworm-slim AS runtime
# pg_dump and pg_restore for npm run db:backup / db:restore against PostgreSQL.
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 DATA_DIR=/data
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/lib ./lib
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/package.json /app/tsconfig.json /app/prisma.config.ts ./
RUN groupadd --system app && useradd --system --gid app --home /app app \
  && mkdir -p /data /app/backups && chown app:app /data /app/backups
USER app
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrations first (they add the reference data), then serve.
CMD ["sh", "-c", "npm run --silent db:migrate && exec node server.js"]
