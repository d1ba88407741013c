//! Test runtime: pallet-token (as `Balances`, the voting-power source), pallet-preimage,
//! pallet-scheduler and this pallet, with `AccountId32` accounts and `MultiSignature` votes.

use crate::{self as pallet_governance, *};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU16, ConstU32, ConstU64, EitherOfDiverse, EqualPrivilegeOnly},
};
use frame_system::{EnsureRoot, EnsureSigned};
use sp_core::{ecdsa, ed25519, sr25519, Pair};
use sp_runtime::{
	traits::{IdentifyAccount, IdentityLookup},
	AccountId32, BuildStorage, MultiSignature, MultiSigner, Perbill,
};

/// Accounts of the tests.
pub type AccountId = AccountId32;
/// Balances of the tests.
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_token;
	#[runtime::pallet_index(2)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(3)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(4)]
	pub type Governance = pallet_governance;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_token::AccountData<Balance, u64, ConstU32<64>>;
}

parameter_types! {}

/// A snapshot at the end of every block (so a proposal counts the block before its
/// submission), 64 readable at once.
pub const SNAPSHOT_PERIOD: u64 = 1;

impl pallet_token::Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type DustRemoval = ();
	type AccountStore = System;
	type MaxFreezes = ConstU32<4>;
	type MaxHolds = ConstU32<4>;
	type MaxSnapshots = ConstU32<64>;
	type WeightInfo = ();
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = ();
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = ();
}

parameter_types! {
	/// Scheduled calls may use most of a block.
	pub MaximumSchedulerWeight: Weight = Perbill::from_percent(80) *
		<<Test as frame_system::Config>::BlockWeights as Get<
			frame_system::limits::BlockWeights,
		>>::get()
		.max_block;
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<10>;
	type WeightInfo = ();
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

/// Class ids of the tests.
pub const ROOT: ClassId = 0;
/// "Protocol upgrade": two thirds, 20% turnout, dispatched with this pallet's class origin.
pub const UPGRADE: ClassId = 1;
/// "Cancellation": simple majority, dispatched with its class origin.
pub const CANCELLATION: ClassId = 2;
/// A class as strict as `ROOT` with Root's origin and a longer period: may stand in for `ROOT`.
pub const STRICT_ROOT: ClassId = 3;
/// "Signal": simple majority, 10% turnout, its own origin; `System::remark` (which does nothing
/// and accepts any origin) needs it.
pub const SIGNAL: ClassId = 4;

/// The class each call needs in the tests: deny by default (anything unlisted needs `ROOT`).
pub struct Classify;
impl ClassifyCall<RuntimeCall> for Classify {
	fn required_class(call: &RuntimeCall) -> Option<ClassId> {
		use frame_system::Call as S;
		Some(match call {
			RuntimeCall::System(
				S::set_storage { .. } | S::kill_storage { .. } | S::kill_prefix { .. },
			)
			| RuntimeCall::Governance(Call::enact { .. })
			| RuntimeCall::Scheduler(_) => return None,
			RuntimeCall::Governance(Call::cancel { .. } | Call::kill { .. }) => CANCELLATION,
			RuntimeCall::Governance(Call::set_class { .. }) => UPGRADE,
			RuntimeCall::System(S::set_code { .. }) => UPGRADE,
			RuntimeCall::System(S::remark { .. }) => SIGNAL,
			_ => ROOT,
		})
	}
}

#[derive_impl(crate::config_preludes::TestDefaultConfig)]
impl Config for Test {
	type RuntimeCall = RuntimeCall;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Currency = Balances;
	type Slash = ();
	type VotingPower = Balances;
	type Classify = Classify;
	type Preimages = Preimage;
	type Scheduler = Scheduler;
	type Signature = MultiSignature;
	type SubmitOrigin = EnsureSigned<AccountId>;
	type ClassAdminOrigin = EitherOfDiverse<EnsureRoot<AccountId>, EnsureClass<ConstU16<UPGRADE>>>;
	type CancelOrigin = EitherOfDiverse<EnsureRoot<AccountId>, EnsureClass<ConstU16<CANCELLATION>>>;
	type KillOrigin = EnsureRoot<AccountId>;
	// Small, to test postponement and full batches.
	type MaxEndingPerBlock = MaxEnding;
	type MaxVotesPerBatch = ConstU32<16>;
	/// As long as the token keeps a snapshot readable after a submission (64 snapshots one block
	/// apart).
	type MaxVotingPeriod = ConstU64<63>;
	type MaxCallWeight = MaxCallWeight;
	type MinFeelessPower = ConstU128<100>;
}

parameter_types! {
	/// Decisions per block (small, to test full end blocks).
	pub const MaxEnding: u32 = 3;
	/// The heaviest call a proposal may carry: half of what the scheduler runs in a block.
	pub MaxCallWeight: Weight = MaximumSchedulerWeight::get() / 2;
}

/// The test keys: sr25519 Alice to Eve, an ed25519 and an ecdsa key.
#[derive(Clone, Copy, Debug)]
pub enum Key {
	/// sr25519 `//Alice`.
	Alice,
	/// sr25519 `//Bob`.
	Bob,
	/// sr25519 `//Charlie`.
	Charlie,
	/// sr25519 `//Dave`.
	Dave,
	/// sr25519 `//Eve`: no tokens.
	Eve,
	/// ed25519 `//Ed`.
	Ed,
	/// ecdsa `//Ec`.
	Ec,
}

impl Key {
	/// The account of the key.
	pub fn account(self) -> AccountId {
		self.signer().into_account()
	}

	/// The key's position in the enum (to compare keys without deriving them).
	pub fn account_index(self) -> u8 {
		self as u8
	}

	fn signer(self) -> MultiSigner {
		match self {
			Key::Ed => ed25519::Pair::from_string("//Ed", None).unwrap().public().into(),
			Key::Ec => ecdsa::Pair::from_string("//Ec", None).unwrap().public().into(),
			k => sr25519::Pair::from_string(k.sr_seed(), None).unwrap().public().into(),
		}
	}

	fn sr_seed(self) -> &'static str {
		match self {
			Key::Alice => "//Alice",
			Key::Bob => "//Bob",
			Key::Charlie => "//Charlie",
			Key::Dave => "//Dave",
			_ => "//Eve",
		}
	}

	/// Signs `message` with the key.
	pub fn sign(self, message: &[u8]) -> MultiSignature {
		match self {
			Key::Ed => ed25519::Pair::from_string("//Ed", None).unwrap().sign(message).into(),
			Key::Ec => ecdsa::Pair::from_string("//Ec", None).unwrap().sign(message).into(),
			k => sr25519::Pair::from_string(k.sr_seed(), None).unwrap().sign(message).into(),
		}
	}
}

/// Shorthands for the accounts.
pub fn alice() -> AccountId {
	Key::Alice.account()
}
/// Bob's account.
pub fn bob() -> AccountId {
	Key::Bob.account()
}
/// Charlie's account.
pub fn charlie() -> AccountId {
	Key::Charlie.account()
}
/// Dave's account.
pub fn dave() -> AccountId {
	Key::Dave.account()
}
/// Eve's account (no tokens).
pub fn eve() -> AccountId {
	Key::Eve.account()
}

/// A class of the tests.
pub fn class(
	name: &str,
	approval: Perbill,
	turnout: Perbill,
	period: u64,
	delay: u64,
	deposit: Balance,
	origin: DispatchOrigin,
) -> ClassInfoOf<Test> {
	ClassInfo {
		name: name.as_bytes().to_vec().try_into().unwrap(),
		thresholds: Thresholds { min_approval: approval, min_turnout: turnout, min_voters: 1 },
		voting_period: period,
		enactment_delay: delay,
		submission_deposit: deposit,
		origin,
	}
}

/// Simple majority.
pub fn majority() -> Perbill {
	Perbill::from_parts(500_000_001)
}
/// Two thirds.
pub fn two_thirds() -> Perbill {
	Perbill::from_parts(666_666_666)
}

/// The genesis classes of the tests.
pub fn genesis_classes() -> Vec<(ClassId, ClassInfoOf<Test>)> {
	let p = Perbill::from_percent;
	vec![
		(ROOT, class("root", two_thirds(), p(20), 10, 2, 100, DispatchOrigin::Root)),
		(UPGRADE, class("upgrade", two_thirds(), p(20), 10, 5, 500, DispatchOrigin::Class)),
		(CANCELLATION, class("cancel", majority(), p(10), 5, 1, 10, DispatchOrigin::Class)),
		(STRICT_ROOT, class("strict root", two_thirds(), p(20), 20, 2, 100, DispatchOrigin::Root)),
		(SIGNAL, class("signal", majority(), p(10), 10, 2, 100, DispatchOrigin::Class)),
	]
}

/// Builds test externalities.
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
}

impl Default for ExtBuilder {
	/// Alice 1000, Bob 2000, Charlie 3000, Dave 4000, the ed25519 key 500, the ecdsa key 500:
	/// total supply 11_000.
	fn default() -> Self {
		Self {
			balances: vec![
				(alice(), 1000),
				(bob(), 2000),
				(charlie(), 3000),
				(dave(), 4000),
				(Key::Ed.account(), 500),
				(Key::Ec.account(), 500),
			],
		}
	}
}

/// The genesis storage of the system and the token (with `balances`), before governance's.
pub fn token_genesis(balances: Vec<(AccountId, Balance)>) -> sp_runtime::Storage {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_token::GenesisConfig::<Test> { balances, snapshot_period: SNAPSHOT_PERIOD }
		.assimilate_storage(&mut storage)
		.unwrap();
	storage
}

impl ExtBuilder {
	/// Builds the externalities at block 1.
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = token_genesis(self.balances);
		pallet_governance::GenesisConfig::<Test> { classes: genesis_classes() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		// Benchmarks sign votes with keys generated in a keystore.
		ext.register_extension(sp_keystore::KeystoreExt::new(
			sp_keystore::testing::MemoryKeystore::new(),
		));
		ext.execute_with(|| run_to_block(1));
		ext
	}

	/// Builds, runs `test`, then checks every pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Governance::do_try_state().expect("governance invariants hold");
			Balances::do_try_state().expect("token invariants hold");
		})
	}
}

/// Moves to block `n`, running the hooks of each block on the way.
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}

/// The events of this pallet so far.
pub fn governance_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Governance(e) => Some(e),
			_ => None,
		})
		.collect()
}
