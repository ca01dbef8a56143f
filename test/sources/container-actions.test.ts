import assert from 'node:assert/strict';
import {test} from 'node:test';
import {updateWhileItMayExit} from '../../source/sources/docker/container-actions.js';

// Needs no engine: the engine's answers to an update that meets a loop exiting, as recorded.

test('a policy update that meets the loop exiting is asked again; other failures are not', async () => {
	// The engine's answers when the container exits between its check and the update: runc's, and
	// containerd's (seen in CI: "stop-loop … failed: Cannot update container …: cannot update a
	// stopped container: unknown").
	const answered = (answer: string) => Object.assign(new Error(`(HTTP code 500) server error - ${answer} `), {statusCode: 500, json: {message: answer}});
	const exiting = answered('Cannot update container 3f2a: runc did not terminate successfully: exit status 1: container not running');
	const stoppedMeanwhile = answered('Cannot update container 3f2a: cannot update a stopped container: unknown');
	const cases = [
		{what: 'exits once, then the update goes through', failures: [exiting], calls: 2, rejects: null},
		{what: 'containerd finds it stopped, then the update goes through', failures: [stoppedMeanwhile], calls: 2, rejects: null},
		{what: 'exits on every try: the last answer is the failure', failures: [exiting, exiting, exiting, exiting], calls: 3, rejects: /container not running/},
		{what: 'any other failure at once', failures: [new Error('No such container: 3f2a')], calls: 1, rejects: /No such container/},
	];
	for (const {what, failures, calls, rejects} of cases) {
		let called = 0;
		const update = async () => {
			const failure = failures[called++];
			if (failure) throw failure;
		};
		const done = updateWhileItMayExit(update, 3, 1);
		if (rejects) await assert.rejects(done, rejects, what);
		else await done;
		assert.equal(called, calls, what);
	}
});
