/**
 * Composition root helpers: the one place the shells (server start, CLI) reach the store. They
 * open it from the environment and build the AppContext around it; routes and commands then
 * only call the app layer.
 */
import { openStore, storeOptionsFromEnv, type Store, type StoreDialect } from '../store/database';
import type { AppContext } from './context';

export type { Store, StoreDialect };

/**
 * Opens the configured store (PostgreSQL when DATABASE_URL is set, else SQLite under
 * DENGBAO_DATA_DIR) and brings its schema to the latest migration.
 */
export function openStoreFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  return openStore(storeOptionsFromEnv(env));
}

/** Which database the context runs on, for messages ("sqlite: data/dengbao.sqlite"). */
export function storeDescription(ctx: Pick<AppContext, 'store'>): {
  readonly dialect: StoreDialect;
  readonly location: string;
} {
  return { dialect: ctx.store.dialect, location: ctx.store.location };
}

/** Liveness: the process answers and says which kind of store it runs on. */
export function healthQuery(ctx: Pick<AppContext, 'store'>) {
  return { status: 'ok' as const, store: ctx.store.dialect };
}
