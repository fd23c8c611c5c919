import { describe, expect, it } from 'vitest';
import { clientWith, failure, json, range, team } from './seikaClientStub.ts';

describe('createSeikaClient: errors', () => {
  it.each([
    {
      name: 'a server error naming the parameter',
      status: 400,
      statusText: 'Bad Request',
      body: {
        error: {
          code: 'invalid_parameter',
          message: '`from` must be a date (YYYY-MM-DD).',
          parameter: 'from',
        },
      },
      expected: {
        message: '`from` must be a date (YYYY-MM-DD).',
        status: 400,
        code: 'invalid_parameter',
        parameter: 'from',
      },
    },
    {
      name: 'a server error without a parameter',
      status: 404,
      statusText: 'Not Found',
      body: {
        error: { code: 'team_not_found', message: 'No team "Web/QA & Ops" in project "Fabrikam Fiber".' },
      },
      expected: {
        message: 'No team "Web/QA & Ops" in project "Fabrikam Fiber".',
        status: 404,
        code: 'team_not_found',
        parameter: undefined,
      },
    },
    {
      name: 'an error body with extra fields',
      status: 409,
      statusText: 'Conflict',
      body: {
        error: { code: 'sync_running', message: 'A sync is running.', retryAfter: 30 },
        requestId: 'r-1',
      },
      expected: { message: 'A sync is running.', status: 409, code: 'sync_running', parameter: undefined },
    },
    {
      name: 'JSON that is not an API error',
      status: 500,
      statusText: 'Internal Server Error',
      body: { message: 'boom' },
      expected: {
        message: 'The Seika service answered 500 Internal Server Error.',
        status: 500,
        code: 'http_error',
        parameter: undefined,
      },
    },
    {
      name: 'an API error whose code is not a string',
      status: 400,
      statusText: 'Bad Request',
      body: { error: { code: 400, message: 'bad' } },
      expected: {
        message: 'The Seika service answered 400 Bad Request.',
        status: 400,
        code: 'http_error',
        parameter: undefined,
      },
    },
    {
      name: 'JSON null',
      status: 502,
      statusText: 'Bad Gateway',
      body: null,
      expected: {
        message: 'The Seika service answered 502 Bad Gateway.',
        status: 502,
        code: 'http_error',
        parameter: undefined,
      },
    },
  ])('turns $name into a typed error', async ({ status, statusText, body, expected }) => {
    const { client } = clientWith(() => json(body, status, statusText));
    const error = await failure(client.getCycleTime(team, range));
    expect({
      message: error.message,
      status: error.status,
      code: error.code,
      parameter: error.parameter,
    }).toEqual(expected);
    expect(error.name).toBe('SeikaApiError');
    expect(error).toBeInstanceOf(Error);
  });

  it.each([
    {
      name: "a proxy's HTML page",
      body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
      status: 502,
      statusText: 'Bad Gateway',
      message: 'The Seika service answered 502 Bad Gateway.',
    },
    {
      name: 'an empty body',
      body: '',
      status: 503,
      statusText: 'Service Unavailable',
      message: 'The Seika service answered 503 Service Unavailable.',
    },
    {
      name: 'plain text without a status text',
      body: 'upstream timed out',
      status: 504,
      statusText: '',
      message: 'The Seika service answered 504.',
    },
    {
      name: 'truncated JSON',
      body: '{"error": {"code": "x", "mess',
      status: 500,
      statusText: 'Internal Server Error',
      message: 'The Seika service answered 500 Internal Server Error.',
    },
  ])('gives a readable message for $name', async ({ body, status, statusText, message }) => {
    const { client } = clientWith(() =>
      Promise.resolve(new Response(body, { status, statusText, headers: { 'Content-Type': 'text/html' } })),
    );
    const error = await failure(client.getCycleTime(team, range));
    expect({ message: error.message, status: error.status, code: error.code }).toEqual({
      message,
      status,
      code: 'http_error',
    });
  });

  it('reports an unreachable service with its address', async () => {
    const { client } = clientWith(
      () => Promise.reject(new TypeError('Failed to fetch')),
      'https://seika.example.com/',
    );
    const error = await failure(client.getCycleTime(team, range));
    expect({ message: error.message, status: error.status, code: error.code }).toEqual({
      message: 'The Seika service at https://seika.example.com could not be reached.',
      status: 0,
      code: 'network_error',
    });
  });

  it('passes an abort through untouched, so callers can tell it from a failure', async () => {
    const controller = new AbortController();
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const { client } = clientWith(() => {
      controller.abort();
      return Promise.reject(abort);
    });
    await expect(client.getCycleTime(team, range, controller.signal)).rejects.toBe(abort);
  });
});
