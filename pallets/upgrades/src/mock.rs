//! Test runtime: frame-system, pallet-balances, pallet-preimage (deposits held from the noter)
//! and this pallet. Runtime "code" in the tests is
//! [`crate::code::runtime_blob`]; the version reader returns its `runtime_version` section, as a
//! node's executor does. Authorities are `UintAuthorityId`s (test signatures).

use crate::{self as pallet_upgrades, *};
use frame_support::traits::ConstU64;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU32, LinearStoragePrice},
};
use frame_system::EnsureRoot;
use sp_runtime::{testing::UintAuthorityId, BuildStorage};
use sp_version::RuntimeVersion;

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
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(2)]
	pub type Upgrades = pallet_upgrades;
	#[runtime::pallet_index(3)]
	pub type Balances = pallet_balances;
}

parameter_types! {
	/// The running runtime's version.
	pub Version: RuntimeVersion = running_version();
}

/// The running runtime: `metacert`, spec 100.
pub fn running_version() -> RuntimeVersion {
	RuntimeVersion { spec_name: "metacert".into(), spec_version: 100, ..Default::default() }
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<u64>;
	type MultiBlockMigrator = MockMigrator;
}

parameter_types! {
	/// Whether multi-block migrations are ongoing (settable by tests).
	pub static MigrationsOngoing: bool = false;
}

/// A multi-block migrator that is ongoing while [`MigrationsOngoing`] says so.
pub struct MockMigrator;
impl frame_support::migrations::MultiStepMigrator for MockMigrator {
	fn ongoing() -> bool {
		MigrationsOngoing::get()
	}
	fn step() -> frame_support::weights::Weight {
		Default::default()
	}
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
}

parameter_types! {
	/// The hold reason of preimage deposits.
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

/// A preimage's deposit: 10 plus 1 per byte.
pub type PreimageDeposit = LinearStoragePrice<ConstU64<10>, ConstU64<1>, u64>;

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = ();
	type ManagerOrigin = EnsureRoot<u64>;
	type Consideration = HoldConsideration<u64, Balances, PreimageHoldReason, PreimageDeposit>;
}

/// The extrinsic type of the test runtime.
pub type Extrinsic = <Block as sp_runtime::traits::Block>::Extrinsic;

impl frame_system::offchain::CreateTransactionBase<Call<Test>> for Test {
	type Extrinsic = Extrinsic;
	type RuntimeCall = RuntimeCall;
}

impl frame_system::offchain::CreateBare<Call<Test>> for Test {
	fn create_bare(call: RuntimeCall) -> Extrinsic {
		Extrinsic::new_bare(call)
	}
}

parameter_types! {
	/// The current authorities (settable by tests).
	pub static Authorities: Vec<UintAuthorityId> = vec![1.into(), 2.into(), 3.into()];
}

#[derive_impl(crate::config_preludes::TestDefaultConfig)]
impl Config for Test {
	type UpgradeOrigin = EnsureRoot<u64>;
	type CancelOrigin = EnsureRoot<u64>;
	type Preimages = Preimage;
	type AuthorityId = UintAuthorityId;
	type Authorities = Authorities;
	// Small, to test a full queue.
	type MaxPending = ConstU32<3>;
	// Small, to test a full history.
	type MaxActivated = ConstU32<2>;
	// Small, to test the bound.
	type MaxCodeSize = ConstU32<{ MAX_CODE }>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Test;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<UintAuthorityId> for Test {
	fn set_authorities(authorities: Vec<UintAuthorityId>) {
		Authorities::set(authorities);
	}
}

/// Reads the version of test code as a node's executor does: its `runtime_version` section.
pub struct MockVersionReader;
impl sp_core::traits::ReadRuntimeVersion for MockVersionReader {
	fn read_runtime_version(
		&self,
		code: &[u8],
		_ext: &mut dyn sp_core::traits::Externalities,
	) -> Result<Vec<u8>, String> {
		crate::code::embedded_version(code).ok_or_else(|| "not a runtime".into())
	}
}

/// Test code of a runtime with this name and spec version.
pub fn code(spec_name: &'static str, spec_version: u32) -> Vec<u8> {
	let version =
		RuntimeVersion { spec_name: spec_name.into(), spec_version, ..Default::default() };
	crate::code::runtime_blob(&version, 200)
}

/// The least activation delay in the tests.
pub const MIN_DELAY: u64 = 5;

/// The most bytes of code in the tests.
pub const MAX_CODE: u32 = 1_000;

/// Accounts 1 to 4 start with this balance.
pub const ENDOWMENT: u64 = 1_000_000;

/// Builds test externalities at block 1 (least activation delay [`MIN_DELAY`]).
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = RuntimeGenesisConfig {
		balances: pallet_balances::GenesisConfig {
			balances: (1..=4).map(|who| (who, ENDOWMENT)).collect(),
			..Default::default()
		},
		upgrades: crate::GenesisConfig { min_activation_delay: MIN_DELAY },
		..Default::default()
	}
	.build_storage()
	.unwrap();
	Authorities::set(vec![1.into(), 2.into(), 3.into()]);
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.register_extension(sp_core::traits::ReadRuntimeVersionExt::new(MockVersionReader));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` and then the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Upgrades::do_try_state().expect("upgrades invariants hold");
	})
}

/// Moves to block `n`, running the hooks of each block on the way.
pub fn run_to_block(n: u64) {
	System::run_to_block::<AllPalletsWithSystem>(n);
}
