# The nettverk worker (and CLI) for a production-like deployment: see docker-compose.yml.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY cli ./cli
COPY domain ./domain
COPY mail ./mail
COPY templates ./templates
COPY workflows ./workflows
COPY activities ./activities
COPY worker ./worker
COPY operations ./operations
COPY platform ./platform
COPY reporting ./reporting
COPY scripts ./scripts
COPY campaigns ./campaigns
COPY tsconfig.json ./
USER node
# Runs the workers and the inbox watcher; `docker compose run worker <command>` runs the CLI.
ENTRYPOINT ["node", "bin/nettverk.js"]
CMD ["worker"]
