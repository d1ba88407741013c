//! Property test: random sequences of every action a user or an attacker can take (submit, vote,
//! fee-less vote, relayed batch, remove, cancel, kill, decide, clear, transfer, delegate, time)
//! on the mock runtime, checked after every step against a shadow model of the expected
//! outcomes, tallies, nonces and statuses, and against every pallet's `try_state`.
//!
//! The model reads voting power only through the [`VotingPower`](crate::VotingPower) trait, once, when a
//! proposal is submitted (its snapshot block has ended by then): every later vote must count
//! exactly that power, whatever moved since.
//!
//! `cargo test` runs it for a few seconds; `scripts/governance-model.sh --minutes N` runs it for
//! longer (the `GOVERNANCE_MODEL_SECONDS` environment variable). A failure prints its seed;
//! `GOVERNANCE_MODEL_SEED=<seed>` replays it.

#![allow(deprecated)]

use crate::{mock::*, *};
use alloc::collections::btree_map::BTreeMap;
use frame_support::traits::fungible::Inspect;
use sp_runtime::{traits::BadOrigin, transaction_validity::TransactionSource};

/// A small deterministic generator (xorshift64*), so a seed replays a run exactly.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
	fn pick<T: Copy>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize]
	}
	fn chance(&mut self, percent: u64) -> bool {
		self.below(100) < percent
	}
}

const KEYS: [Key; 7] = [Key::Alice, Key::Bob, Key::Charlie, Key::Dave, Key::Eve, Key::Ed, Key::Ec];

/// The account of a test key, derived once (key derivation dominates the run time otherwise).
fn account(key: Key) -> AccountId {
	thread_local! {
		static ACCOUNTS: Vec<AccountId> = KEYS.iter().map(|k| k.account()).collect();
	}
	let at = KEYS.iter().position(|k| k.account_index() == key.account_index()).expect("a key");
	ACCOUNTS.with(|accounts| accounts[at].clone())
}
const CHOICES: [VoteChoice; 3] = [VoteChoice::Aye, VoteChoice::Nay, VoteChoice::Abstain];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Status {
	Ongoing,
	Approved { enact_at: u64 },
	Rejected,
	Cancelled,
	Killed,
	Enacted,
	NotEnacted,
	Cleared,
}

/// What the model knows of a proposal.
struct Model {
	end: u64,
	booked: bool,
	electorate: u128,
	thresholds: Thresholds,
	delay: u64,
	status: Status,
	/// Power of every test key at the snapshot, read once at submission.
	power: BTreeMap<AccountId, u128>,
	/// Each voter's current vote (its record).
	votes: BTreeMap<AccountId, (VoteChoice, u128)>,
	/// The tally: changed by votes and removals only while voting is open.
	tally: Tally<u128>,
	nonces: BTreeMap<AccountId, u32>,
	/// Vote records left to clear once finished.
	records_left: u32,
}

impl Model {
	fn open(&self, now: u64) -> bool {
		self.status == Status::Ongoing && now < self.end
	}
	fn tally(&self) -> Tally<u128> {
		self.tally
	}
	fn next(&self, who: &AccountId) -> u32 {
		self.nonces.get(who).copied().unwrap_or(0)
	}
	fn count(&mut self, who: AccountId, choice: VoteChoice, next: u32) {
		let power = self.power[&who];
		if let Some((old, old_power)) = self.votes.insert(who.clone(), (choice, power)) {
			self.tally.remove(&Vote { choice: old, power: old_power });
		}
		self.tally.add(&Vote { choice, power });
		if !self.nonces.contains_key(&who) {
			self.records_left += 1;
		}
		self.nonces.insert(who, next);
	}
}

struct World {
	rng: Rng,
	proposals: Vec<Model>,
	/// Fee-less votes counted per block.
	feeless: BTreeMap<u64, u32>,
	/// Enactments scheduled per block (the scheduler's agenda holds 10).
	agenda: BTreeMap<u64, u32>,
	/// Bookings per end block.
	ending: BTreeMap<u64, u32>,
}

fn now() -> u64 {
	System::block_number()
}

impl World {
	fn pick_proposal(&mut self) -> Option<ProposalIndex> {
		if self.proposals.is_empty() {
			return None;
		}
		// Now and then an index that was never submitted.
		if self.rng.chance(5) {
			return Some(self.proposals.len() as u32 + 3);
		}
		Some(self.rng.below(self.proposals.len() as u64) as u32)
	}

	fn pick_nonce(&mut self, next: u32) -> u32 {
		match self.rng.below(10) {
			0 => next.wrapping_sub(1),
			1 => next.saturating_add(1),
			2 => u32::MAX,
			_ => next,
		}
	}

	fn submit(&mut self) {
		let who = self.rng.pick(&KEYS);
		let (call, class) = if self.rng.chance(50) {
			(RuntimeCall::System(frame_system::Call::remark { remark: vec![1] }), SIGNAL)
		} else {
			(RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![2] }), ROOT)
		};
		let bytes = call.encode();
		let bounded = Bounded::Inline(bytes.try_into().expect("small"));
		let info = ClassOf::<Test>::get(class).expect("class");
		let snapshot = now() - 1;
		let electorate =
			<Test as Config>::VotingPower::total_supply_at(snapshot).unwrap_or_default();
		let free = Balances::reducible_balance(
			&account(who),
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Fortitude::Polite,
		);
		let index = ProposalCount::<Test>::get();
		let result =
			Governance::submit(RuntimeOrigin::signed(account(who)), Box::new(bounded), class, None);
		// Holding the whole free balance is the token's business; clear cases only.
		if free >= info.submission_deposit + 10 && electorate > 0 {
			assert!(result.is_ok(), "submit by {who:?}: {result:?}");
		} else if free < info.submission_deposit {
			assert!(result.is_err(), "submit by {who:?} without the deposit");
		}
		if result.is_err() {
			return;
		}
		let end = now() + info.voting_period;
		let booked = self.ending.get(&end).copied().unwrap_or(0) < MaxEnding::get();
		if booked {
			*self.ending.entry(end).or_default() += 1;
		}
		let power = KEYS
			.iter()
			.map(|k| {
				(
					account(*k),
					<Test as Config>::VotingPower::voting_power_at(&account(*k), snapshot)
						.unwrap_or_default(),
				)
			})
			.collect();
		assert_eq!(index as usize, self.proposals.len());
		self.proposals.push(Model {
			end,
			booked,
			electorate,
			thresholds: info.thresholds,
			delay: info.enactment_delay,
			status: Status::Ongoing,
			power,
			votes: BTreeMap::new(),
			tally: Tally::default(),
			nonces: BTreeMap::new(),
			records_left: 0,
		});
	}

	fn vote(&mut self) {
		let Some(index) = self.pick_proposal() else { return };
		let key = self.rng.pick(&KEYS);
		let who = account(key);
		let choice = self.rng.pick(&CHOICES);
		let result = Governance::vote(RuntimeOrigin::signed(who.clone()), index, choice);
		match self.proposals.get_mut(index as usize) {
			Some(m) if m.status != Status::Cleared && m.open(now()) && m.power[&who] > 0 => {
				assert!(result.is_ok(), "vote: {result:?}");
				let next = m.next(&who) + 1;
				m.count(who, choice, next);
			},
			_ => assert!(result.is_err(), "vote should fail"),
		}
	}

	fn remove(&mut self) {
		let Some(index) = self.pick_proposal() else { return };
		let who = account(self.rng.pick(&KEYS));
		let result = Governance::remove_vote(RuntimeOrigin::signed(who.clone()), index);
		match self.proposals.get_mut(index as usize) {
			Some(m) if m.status != Status::Cleared && m.votes.contains_key(&who) => {
				assert!(result.is_ok(), "remove: {result:?}");
				let (choice, power) = m.votes.remove(&who).expect("voted");
				// After the end the final tally stays; only the record changes.
				if m.open(now()) {
					m.tally.remove(&Vote { choice, power });
				}
				*m.nonces.get_mut(&who).expect("voted") += 1;
			},
			_ => assert!(result.is_err(), "remove should fail"),
		}
	}

	/// Whether a signed vote of `key` with `nonce` on `index` is valid (signature aside).
	fn signed_ok(&self, index: ProposalIndex, who: &AccountId, nonce: u32) -> bool {
		self.proposals.get(index as usize).is_some_and(|m| {
			m.status != Status::Cleared
				&& m.open(now())
				&& nonce == m.next(who)
				&& nonce != u32::MAX
				&& m.power[who] > 0
		})
	}

	fn make_signed(&mut self, index: ProposalIndex) -> (SignedVoteOf<Test>, bool) {
		let key = self.rng.pick(&KEYS);
		let who = account(key);
		let choice = self.rng.pick(&CHOICES);
		let next = self.proposals.get(index as usize).map(|m| m.next(&who)).unwrap_or(0);
		let nonce = self.pick_nonce(next);
		let forged = self.rng.chance(10);
		let signer = if forged { Key::Bob } else { key };
		let vote = if (index as usize) < self.proposals.len()
			&& self.proposals[index as usize].status != Status::Cleared
		{
			let payload =
				Governance::api_vote_payload(index, choice, nonce).expect("exists").encode();
			SignedVote { voter: who.clone(), choice, nonce, signature: signer.sign(&payload) }
		} else {
			SignedVote { voter: who.clone(), choice, nonce, signature: signer.sign(b"none") }
		};
		let valid = !(forged && key_differs(signer, key)) && self.signed_ok(index, &who, nonce);
		(vote, valid)
	}

	fn relay(&mut self) {
		let Some(index) = self.pick_proposal() else { return };
		let n = 1 + self.rng.below(3);
		let votes: Vec<_> = (0..n).map(|_| self.make_signed(index)).collect();
		let open = self
			.proposals
			.get(index as usize)
			.is_some_and(|m| m.status != Status::Cleared && m.open(now()));
		let batch: Vec<_> = votes.iter().map(|(v, _)| v.clone()).collect();
		let result = Governance::submit_signed_votes(
			RuntimeOrigin::signed(account(self.rng.pick(&KEYS))),
			index,
			batch.try_into().expect("at most 3"),
		);
		assert_eq!(result.is_ok(), open, "relay: {result:?}");
		if !open {
			return;
		}
		// In order: a vote's validity depends on the ones before it in the batch.
		for (vote, _) in votes {
			let valid = self.signed_ok(index, &vote.voter, vote.nonce) && {
				let payload =
					Governance::api_vote_payload(index, vote.choice, vote.nonce).expect("exists");
				verify_wrapped_or_raw(&vote.signature, &payload.encode(), &vote.voter)
			};
			if valid {
				self.proposals[index as usize].count(
					vote.voter.clone(),
					vote.choice,
					vote.nonce + 1,
				);
			}
		}
	}

	fn feeless(&mut self) {
		let Some(index) = self.pick_proposal() else { return };
		let (vote, valid) = self.make_signed(index);
		let m = self.proposals.get(index as usize);
		let first = m.is_some_and(|m| !m.nonces.contains_key(&vote.voter));
		let enough = m.is_some_and(|m| m.power[&vote.voter] >= 100);
		let room = self.feeless.get(&now()).copied().unwrap_or(0) < 4;
		let call = Call::<Test>::vote_by_signature { index, vote: vote.clone() };
		let pool =
			<Governance as ValidateUnsigned>::validate_unsigned(TransactionSource::External, &call);
		let in_block = <Governance as ValidateUnsigned>::pre_dispatch(&call);
		let result = Governance::vote_by_signature(RuntimeOrigin::none(), index, vote.clone());
		let expect = valid && first && enough;
		assert_eq!(pool.is_ok(), expect, "fee-less in the pool: {pool:?}");
		assert_eq!(in_block.is_ok(), expect && room, "fee-less in a block: {in_block:?}");
		assert_eq!(result.is_ok(), expect && room, "fee-less dispatch: {result:?}");
		if expect && room {
			*self.feeless.entry(now()).or_default() += 1;
			self.proposals[index as usize].count(vote.voter, vote.choice, 1);
		}
	}

	fn stop(&mut self, kill: bool) {
		let Some(index) = self.pick_proposal() else { return };
		let result = if kill {
			Governance::kill(RuntimeOrigin::root(), index)
		} else {
			Governance::cancel(RuntimeOrigin::root(), index)
		};
		match self.proposals.get_mut(index as usize) {
			Some(m) if matches!(m.status, Status::Ongoing | Status::Approved { .. }) => {
				assert!(result.is_ok(), "stop: {result:?}");
				if let Status::Approved { enact_at } = m.status {
					*self.agenda.entry(enact_at).or_default() -= 1;
				} else if m.booked {
					*self.ending.entry(m.end).or_default() -= 1;
				}
				m.status = if kill { Status::Killed } else { Status::Cancelled };
			},
			_ => assert!(result.is_err(), "stop should fail"),
		}
	}

	fn decide_one(&mut self, index: usize, at: u64) {
		let m = &mut self.proposals[index];
		let approved = m.thresholds.approved(&m.tally(), m.electorate);
		m.status = if !approved {
			Status::Rejected
		} else {
			let enact_at = at + m.delay.max(1);
			let slots = self.agenda.entry(enact_at).or_default();
			if *slots < 10 {
				*slots += 1;
				Status::Approved { enact_at }
			} else {
				Status::NotEnacted
			}
		};
	}

	fn decide(&mut self) {
		let Some(index) = self.pick_proposal() else { return };
		let result =
			Governance::decide(RuntimeOrigin::signed(account(self.rng.pick(&KEYS))), index);
		match self.proposals.get(index as usize) {
			Some(m) if m.status == Status::Ongoing && m.end <= now() && !m.booked => {
				assert!(result.is_ok(), "decide: {result:?}");
				self.decide_one(index as usize, now());
			},
			_ => assert!(result.is_err(), "decide should fail"),
		}
	}

	fn clear(&mut self) {
		let Some(index) = self.pick_proposal() else { return };
		let max = self.rng.below(4) as u32;
		let result =
			Governance::clear_finished(RuntimeOrigin::signed(account(Key::Eve)), index, max);
		match self.proposals.get_mut(index as usize) {
			Some(m)
				if !matches!(
					m.status,
					Status::Ongoing | Status::Approved { .. } | Status::Cleared
				) =>
			{
				assert!(result.is_ok(), "clear: {result:?}");
				let removed = max.min(m.records_left);
				m.records_left -= removed;
				if m.records_left == 0 {
					m.status = Status::Cleared;
				}
				// Which records go first is the storage's order: follow it, and check how many.
				let before = m.nonces.len();
				m.nonces.retain(|who, _| VoteOf::<Test>::contains_key(index, who));
				let kept = &m.nonces;
				m.votes.retain(|who, _| kept.contains_key(who));
				assert_eq!(before - m.nonces.len(), removed as usize, "records cleared");
			},
			_ => assert!(result.is_err(), "clear should fail"),
		}
	}

	fn advance(&mut self) {
		let target = now() + 1 + self.rng.below(4);
		while now() < target {
			let next = now() + 1;
			run_to_block(next);
			for i in 0..self.proposals.len() {
				let m = &self.proposals[i];
				if m.status == Status::Ongoing && m.booked && m.end == next {
					self.decide_one(i, next);
				} else if m.status == (Status::Approved { enact_at: next }) {
					self.proposals[i].status = Status::Enacted;
				}
			}
		}
	}

	fn check(&self) {
		Governance::do_try_state().expect("governance invariants hold");
		Balances::do_try_state().expect("token invariants hold");
		for (index, m) in self.proposals.iter().enumerate() {
			let index = index as u32;
			let stored = ProposalOf::<Test>::get(index);
			if m.status == Status::Cleared {
				assert!(stored.is_none(), "proposal {index} cleared");
				assert_eq!(VoteOf::<Test>::iter_prefix(index).count(), 0);
				continue;
			}
			let p = stored.unwrap_or_else(|| panic!("proposal {index} exists"));
			let status = match p.status {
				ProposalStatus::Ongoing => Status::Ongoing,
				ProposalStatus::Approved { enact_at } => Status::Approved { enact_at },
				ProposalStatus::Rejected => Status::Rejected,
				ProposalStatus::Cancelled => Status::Cancelled,
				ProposalStatus::Killed => Status::Killed,
				ProposalStatus::Enacted { .. } => Status::Enacted,
				ProposalStatus::NotEnacted => Status::NotEnacted,
			};
			assert_eq!(status, m.status, "status of proposal {index}");
			if m.status == Status::Ongoing {
				assert_eq!(p.tally, m.tally(), "tally of proposal {index}");
			}
			assert_eq!(p.electorate, m.electorate);
			assert_eq!(p.voting_end, m.end, "the end never moves");
			assert_eq!(VoteOf::<Test>::iter_prefix(index).count() as u32, m.records_left);
			for key in KEYS {
				let who = account(key);
				assert_eq!(Governance::next_nonce(index, &who), m.next(&who), "nonce of {key:?}");
			}
		}
	}

	fn step(&mut self) {
		match self.rng.below(100) {
			0..=9 => self.submit(),
			10..=29 => self.vote(),
			30..=39 => self.feeless(),
			40..=54 => self.relay(),
			55..=61 => self.remove(),
			62..=64 => self.stop(false),
			65..=66 => self.stop(true),
			67..=70 => self.decide(),
			71..=74 => self.clear(),
			75..=82 => {
				let from = account(self.rng.pick(&KEYS));
				let to = account(self.rng.pick(&KEYS));
				let amount = 1 + self.rng.below(800) as u128;
				let _ = Balances::transfer_keep_alive(RuntimeOrigin::signed(from), to, amount);
			},
			83..=86 => {
				let from = account(self.rng.pick(&KEYS));
				let _ = if self.rng.chance(50) {
					let to = account(self.rng.pick(&KEYS));
					let amount = 1 + self.rng.below(1200) as u128;
					Balances::delegate(RuntimeOrigin::signed(from), to, amount)
				} else {
					Balances::undelegate(RuntimeOrigin::signed(from))
				};
			},
			_ => self.advance(),
		}
	}
}

fn key_differs(a: Key, b: Key) -> bool {
	a.account_index() != b.account_index()
}

fn run_one(seed: u64, steps: u32) {
	ExtBuilder::default().build().execute_with(|| {
		let mut world = World {
			rng: Rng(seed | 1),
			proposals: Vec::new(),
			feeless: BTreeMap::new(),
			agenda: BTreeMap::new(),
			ending: BTreeMap::new(),
		};
		run_to_block(2);
		for _ in 0..steps {
			world.step();
			world.check();
		}
	});
}

#[test]
fn random_sequences_match_the_model() {
	let seconds: u64 =
		std::env::var("GOVERNANCE_MODEL_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(4);
	if let Some(seed) = std::env::var("GOVERNANCE_MODEL_SEED").ok().and_then(|s| s.parse().ok()) {
		run_one(seed, 300);
		return;
	}
	let start = std::time::Instant::now();
	let mut runs = 0u64;
	while runs < 3 || start.elapsed().as_secs() < seconds {
		let seed = 0x5eed_0000 + runs;
		let outcome = std::panic::catch_unwind(|| run_one(seed, 300));
		assert!(outcome.is_ok(), "failed with GOVERNANCE_MODEL_SEED={seed}");
		runs += 1;
	}
	println!("{runs} random sequences of 300 steps in {:?}", start.elapsed());
}

#[test]
fn bad_origins_in_the_model_fail() {
	// The model's actions with the wrong origin: none changes anything.
	ExtBuilder::default().build_and_execute(|| {
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
		let bytes = call.encode();
		let bounded = Bounded::Inline(bytes.try_into().unwrap());
		frame_support::assert_noop!(
			Governance::submit(RuntimeOrigin::none(), Box::new(bounded), SIGNAL, None),
			BadOrigin
		);
		frame_support::assert_noop!(Governance::decide(RuntimeOrigin::root(), 0), BadOrigin);
		frame_support::assert_noop!(
			Governance::clear_finished(RuntimeOrigin::root(), 0, 1),
			BadOrigin
		);
	});
}
