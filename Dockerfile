# The nettverk worker (and CLI) for a production-like deployment: see docker-compose.yml.
# Built in two stages: TypeScript compiled to JavaScript once, at image build time, so the
# worker and every CLI call start without compiling (bin/nettverk.js runs dist/).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY activities ./activities
COPY cli ./cli
COPY domain ./domain
COPY mail ./mail
COPY operations ./operations
COPY platform ./platform
COPY reporting ./reporting
COPY scripts ./scripts
COPY worker ./worker
COPY workflows ./workflows
RUN node scripts/build.js

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# The sources stay beside dist/ (copied with their times): bin/nettverk.js checks that dist/
# was built from them, and runs it.
COPY --from=build /app ./
RUN npm prune --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY templates ./templates
COPY campaigns ./campaigns
USER node
# Runs the workers and the inbox watcher; `docker compose run worker <command>` runs the CLI.
ENTRYPOINT ["node", "bin/nettverk.js"]
CMD ["worker"]
