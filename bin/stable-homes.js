#!/usr/bin/env node
// `npx stable-homes <command>`: the command-line tool, run from the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
