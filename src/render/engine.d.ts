import type {Eta} from 'eta'

/** The one configured template engine (see engine.js). */
export declare function newEta(options: {views: string; cache: boolean; debug: boolean}): Eta

/** The `url` templates call: `#…` stays, any other page path is put under the base (see engine.js). */
export declare function pageUrl(base: string): (page: string) => string
