import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionForKey, stepPosition, stepVolume } from '../../../StreamingApp.Frontend/wwwroot/js/player-keys.js';
import { cloudFrontQuery, resolveSigned, withQuery } from '../../../StreamingApp.Frontend/wwwroot/js/media-urls.js';
import { cueAt, parseStoryboard } from '../../../StreamingApp.Frontend/wwwroot/js/storyboard.js';

test('keyboard shortcuts map to player actions', () => {
    assert.equal(actionForKey(' '), 'toggle-play');
    assert.equal(actionForKey('k'), 'toggle-play');
    assert.equal(actionForKey('ArrowLeft'), 'seek-back');
    assert.equal(actionForKey('ArrowRight'), 'seek-forward');
    assert.equal(actionForKey('ArrowUp'), 'volume-up');
    assert.equal(actionForKey('ArrowDown'), 'volume-down');
    assert.equal(actionForKey('f'), 'fullscreen');
    assert.equal(actionForKey('m'), 'mute');
    assert.equal(actionForKey('x'), null);
});

test('a focused control keeps the keys it handles itself', () => {
    assert.equal(actionForKey('ArrowLeft', 'range'), null);
    assert.equal(actionForKey('k', 'range'), 'toggle-play');
    assert.equal(actionForKey(' ', 'button'), null);
    assert.equal(actionForKey('m', 'button'), 'mute');
    assert.equal(actionForKey('ArrowDown', 'select'), null);
    assert.equal(actionForKey('f', 'other', { ctrlKey: true }), null);
});

test('seeking and volume steps stay within bounds', () => {
    assert.equal(stepPosition(3, -1, 60), 0);
    assert.equal(stepPosition(58, 1, 60), 60);
    assert.equal(stepPosition(10, 1, NaN), 15);
    assert.equal(stepVolume(0.95, 1), 1);
    assert.equal(stepVolume(0.3, -1), 0.2);
    assert.equal(stepVolume(0.05, -1), 0);
});

const cloudFront = 'https://d111.cloudfront.net/media/v1/v2/master.m3u8?Policy=eyJ&Signature=abc~&Key-Pair-Id=K2';

test('the CloudFront signature is carried to relative playlist and segment URIs', () => {
    const query = cloudFrontQuery(cloudFront);
    assert.equal(query, 'Policy=eyJ&Signature=abc~&Key-Pair-Id=K2');
    assert.equal(withQuery('https://d111.cloudfront.net/media/v1/v2/360p/segment_00001.m4s', query),
        'https://d111.cloudfront.net/media/v1/v2/360p/segment_00001.m4s?Policy=eyJ&Signature=abc~&Key-Pair-Id=K2');
    assert.equal(withQuery('https://cdn/x.m4s?already=1', query), 'https://cdn/x.m4s?already=1');
});

test('Api-signed URLs need no help: their playlists already carry the query', () => {
    assert.equal(cloudFrontQuery('/media/media/v1/v2/master.m3u8?scope=a&exp=1&sig=b'), null);
});

test('storyboard cues point at sprite tiles that keep the signed query', () => {
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:05.000\nsprite.jpg#xywh=0,0,160,90\n\n00:00:05.000 --> 00:00:10.000\nsprite.jpg#xywh=160,0,160,90\n';
    const cues = parseStoryboard(vtt, '/media/media/v1/v2/storyboard.vtt?scope=a&exp=1&sig=b');

    assert.equal(cues.length, 2);
    assert.deepEqual(cueAt(cues, 7.5), { start: 5, end: 10, url: '/media/media/v1/v2/sprite.jpg?scope=a&exp=1&sig=b', x: 160, y: 0, width: 160, height: 90 });
    assert.equal(cueAt(cues, 0).x, 0);
    assert.equal(cueAt(cues, 12), null);
    assert.equal(resolveSigned('sprite.jpg', cloudFront.replace('master.m3u8', 'storyboard.vtt')),
        'https://d111.cloudfront.net/media/v1/v2/sprite.jpg?Policy=eyJ&Signature=abc~&Key-Pair-Id=K2');
});
