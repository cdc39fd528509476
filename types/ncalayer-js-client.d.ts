// ncalayer-js-client (MIT) ships no types: the part of its API the АРМ uses.
declare module 'ncalayer-js-client' {
  export class NCALayerClient {
    constructor(url?: string, allowKmdHttpApi?: boolean);
    wsConnection: WebSocket | null;
    connect(): Promise<string>;
    basicsSignCMS(allowedStorages: string[] | null, data: string, signingParams: Record<string, unknown>, signerParams: Record<string, unknown>, locale?: string): Promise<string>;
    static readonly basicsStorageAll: string[] | null;
    static readonly basicsStorageKAZTOKEN: string[];
    static readonly basicsStorageIDCard: string[];
    static readonly fileStorageType: string;
  }
}
